// Fills XForms with JavaRosa (ODK Collect's form engine) and prints every stored value, so Lotse's
// results can be compared with Collect's. JavaRosa comes inside pyxform 4.5.0's ODK_Validate.jar.
//
//   javac -cp ODK_Validate.jar -d OUT Oracle.java
//   java -cp ODK_Validate.jar:OUT Oracle < cases
//
// Input: one case per line, tab-separated: FORM_FILE, then PATH=VALUE pairs (PATH below the root,
// group/field; a repeat instance as member[2], without a number the first). A missing repeat
// instance is added as Collect adds it (the "add another" prompt). Output per case, in the
// instance's document order (repeat instances as name[N]):
//   case N
//   load-error MESSAGE                  the form did not load (nothing else follows)
//   value PATH=VALUE                    every leaf (non-relevant ones empty, as Collect submits none)
//   problem PATH KIND                   required | constraint | type (not of the type or choices)
//   end
// A value that JavaRosa cannot evaluate prints `eval-error MESSAGE`.
import java.io.*;
import java.util.*;
import org.javarosa.core.model.*;
import org.javarosa.core.model.data.*;
import org.javarosa.core.model.instance.*;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.core.services.PropertyManager;
import org.javarosa.core.services.properties.*;
import org.javarosa.form.api.*;
import org.javarosa.model.xform.XFormsModule;
import org.javarosa.model.xform.XPathReference;
import org.javarosa.xform.util.XFormAnswerDataSerializer;
import org.javarosa.xform.util.XFormUtils;

public final class Oracle {
    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        new XFormsModule().registerModule();
        PrintStream realOut = System.out;
        // JavaRosa logs to stdout/stderr; keep the protocol clean.
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) continue;
            n++;
            out.println("case " + n);
            System.setOut(quiet);
            System.setErr(quiet);
            List<String> lines = new ArrayList<>();
            try {
                run(line.split("\t", -1), lines);
            } catch (Throwable t) {
                lines.add("eval-error " + oneLine(t));
            }
            System.setOut(realOut);
            for (String l : lines) out.println(l);
            out.println("end");
        }
    }

    static String oneLine(Throwable t) {
        String m = t.getClass().getSimpleName() + ": " + t.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ');
    }

    static void run(String[] fields, List<String> lines) throws Exception {
        FormDef form;
        try (InputStream s = new FileInputStream(fields[0])) {
            form = XFormUtils.getFormFromInputStream(s);
        } catch (Throwable t) {
            lines.add("load-error " + oneLine(t));
            return;
        }
        FormEntryModel model = new FormEntryModel(form);
        FormEntryController controller = new FormEntryController(model);
        form.initialize(true, new InstanceInitializationFactory());
        TreeElement root = form.getMainInstance().getRoot();
        Set<String> badType = new LinkedHashSet<>();
        for (int i = 1; i < fields.length; i++) {
            String pair = fields[i];
            int eq = pair.indexOf('=');
            String path = pair.substring(0, eq), text = pair.substring(eq + 1);
            TreeElement node = root;
            for (String step : path.split("/")) {
                if (node == null) break;
                int open = step.indexOf('[');
                String name = open < 0 ? step : step.substring(0, open);
                int mult = open < 0 ? 0 : Integer.parseInt(step.substring(open + 1, step.length() - 1)) - 1;
                node = child(form, model, controller, node, name, mult);
            }
            if (node == null) { lines.add("eval-error no node " + path); return; }
            IAnswerData data = null;
            if (!text.trim().isEmpty()) {
                try {
                    data = AnswerDataFactory.templateByDataType(node.getDataType()).cast(new UncastData(text));
                } catch (Throwable t) {
                    badType.add(path);
                    data = new StringData(text);
                }
            }
            form.setValue(data, node.getRef(), true);
        }
        // Validate as Collect does when a form is finalised: every question in form order.
        List<String> problems = new ArrayList<>();
        // Stepped as Collect steps (the controller makes jr:count instances on the way).
        controller.jumpToIndex(FormIndex.createBeginningOfFormIndex());
        while (true) {
            int event = controller.stepToNextEvent();
            FormIndex index = model.getFormIndex();
            if (event == FormEntryController.EVENT_END_OF_FORM) break;
            if (event != FormEntryController.EVENT_QUESTION || !model.isIndexRelevant(index)) continue;
            FormEntryPrompt prompt = model.getQuestionPrompt(index);
            String path = pathOf(form.getMainInstance().resolveReference(index.getReference()), root);
            if (badType.contains(path)) { problems.add("problem " + path + " type"); continue; }
            IAnswerData answer = prompt.getAnswerValue();
            List<SelectChoice> choices = prompt.getSelectChoices();
            if (answer != null && choices != null && (prompt.getControlType() == Constants.CONTROL_SELECT_ONE
                    || prompt.getControlType() == Constants.CONTROL_SELECT_MULTI)) {
                Set<String> offered = new HashSet<>();
                for (SelectChoice c : choices) offered.add(c.getValue());
                String[] given = answer.uncast().getString().trim().split("\\s+");
                boolean bad = new HashSet<>(Arrays.asList(given)).size() != given.length;
                for (String g : given) if (!offered.contains(g)) bad = true;
                if (bad) { problems.add("problem " + path + " type"); continue; }
            }
            if (prompt.isReadOnly()) continue;
            int status = controller.answerQuestion(index, answer, true);
            if (status == FormEntryController.ANSWER_REQUIRED_BUT_EMPTY) problems.add("problem " + path + " required");
            else if (status == FormEntryController.ANSWER_CONSTRAINT_VIOLATED) problems.add("problem " + path + " constraint");
        }
        values(root, "", lines);
        lines.addAll(problems);
    }

    /// The child `name` number `mult` (0-based) of `parent`; a repeat instance that does not exist
    /// is added through the form's "add another" prompt for it (counted repeats appear as the
    /// form is walked).
    static TreeElement child(FormDef form, FormEntryModel model, FormEntryController controller, TreeElement parent,
                             String name, int mult) {
        TreeElement c = parent.getChild(name, mult);
        // Into a repeat: first walk the form as Collect does, so jr:count has made its instances.
        if (c != null && c.isRepeatable()) {
            controller.jumpToIndex(FormIndex.createBeginningOfFormIndex());
            while (controller.stepToNextEvent() != FormEntryController.EVENT_END_OF_FORM) { }
            c = parent.getChild(name, mult);
        }
        for (int tries = 0; c == null && tries <= mult; tries++) {
            controller.jumpToIndex(FormIndex.createBeginningOfFormIndex());
            boolean made = false;
            while (true) {
                int event = controller.stepToNextEvent();
                FormIndex index = model.getFormIndex();
                if (event == FormEntryController.EVENT_END_OF_FORM) break;
                if (event != FormEntryController.EVENT_PROMPT_NEW_REPEAT) continue;
                TreeReference ref = index.getReference();
                if (!ref.getNameLast().equals(name)) continue;
                TreeElement at = form.getMainInstance().resolveReference(ref.getParentRef());
                if (at == parent) { controller.newRepeat(index); made = true; break; }
            }
            c = parent.getChild(name, mult);
            if (!made) break;
        }
        return c;
    }

    /// A node's path below the root, repeat instances as name[N].
    static String pathOf(TreeElement node, TreeElement root) {
        String path = "";
        for (TreeElement e = node; e != null && e != root; e = (TreeElement) e.getParent()) {
            String step = e.getName() + (e.isRepeatable() ? "[" + (e.getMult() + 1) + "]" : "");
            path = path.isEmpty() ? step : step + "/" + path;
        }
        return path;
    }

    /// "/data/a/b" (or "/data[1]/a[1]/b[1]") -> "a/b"
    static String relative(String ref) {
        String s = ref.replaceAll("\\[\\d+\\]", "");
        int second = s.indexOf('/', 1);
        return second < 0 ? "" : s.substring(second + 1);
    }

    static void values(TreeElement node, String prefix, List<String> lines) {
        XFormAnswerDataSerializer serializer = new XFormAnswerDataSerializer();
        for (int i = 0; i < node.getNumChildren(); i++) {
            TreeElement child = node.getChildAt(i);
            if (child.getMult() == TreeReference.INDEX_TEMPLATE) continue;
            String step = child.getName() + (child.isRepeatable() ? "[" + (child.getMult() + 1) + "]" : "");
            String path = prefix.isEmpty() ? step : prefix + "/" + step;
            if (child.getNumChildren() > 0) { values(child, path, lines); continue; }
            if (path.equals("meta/instanceID")) continue;
            String value = "";
            if (child.isRelevant() && child.getValue() != null) {
                Object o = serializer.serializeAnswerData(child.getValue());
                value = o == null ? "" : o.toString();
            }
            lines.add("value " + path + "=" + value.replace("\n", "\\n"));
        }
    }
}
