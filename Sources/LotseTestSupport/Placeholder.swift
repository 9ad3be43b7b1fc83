public enum LotseTestSupportPlaceholder {}
