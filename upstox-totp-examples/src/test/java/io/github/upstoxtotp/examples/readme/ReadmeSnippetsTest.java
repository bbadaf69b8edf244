package io.github.upstoxtotp.examples.readme;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code java} block of the top-level README compiles against the real artifacts, and
 * every block that needs no real account (it uses the simulator) runs: a README that lies
 * fails the build.
 */
class ReadmeSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path out;

    @TestFactory
    List<DynamicTest> everyJavaBlockInTheReadmeCompilesAndTheSimulatedOnesRun() throws IOException {
        Path readme = Path.of("..", "README.md");
        assertTrue(Files.exists(readme), "README.md not found from " + Path.of("").toAbsolutePath());
        Matcher m = JAVA_BLOCK.matcher(Files.readString(readme, StandardCharsets.UTF_8));
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        while (m.find()) {
            String block = m.group(1);
            String name = "ReadmeSnippet" + (++n);
            tests.add(DynamicTest.dynamicTest("README java block " + n, () -> compileAndMaybeRun(name, block)));
        }
        assertFalse(tests.isEmpty(), "the README has no java blocks");
        return tests;
    }

    private void compileAndMaybeRun(String className, String block) throws Exception {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String source = imports + "\npublic class " + className + " {\n"
                + "    public static void snippet() throws Exception {\n" + body + "    }\n}\n";
        Path file = out.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
            StringBuilder report = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                report.append(d.getKind()).append(" line ").append(d.getLineNumber()).append(": ")
                        .append(d.getMessage(null)).append('\n');
            }
            assertTrue(ok, "README block does not compile:\n" + report + "\n" + source);
        }
        if (block.contains("SimulatedUpstox")) {
            PrintStream stdout = System.out;
            try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
                System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                Method snippet = loader.loadClass(className).getMethod("snippet");
                snippet.invoke(null);
            } finally {
                System.setOut(stdout);
            }
        }
    }

    /** Surefire may hide the real class path behind a manifest-only jar; it also publishes it here. */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
