package dev.faultline.dap.server;

import java.util.List;
import java.util.Locale;

/** A JUnit XML report (the surefire shape that CI and ./faultline test read) of a suite run outside JUnit. */
final class JunitReport {

    private JunitReport() {
    }

    static String of(String suite, List<EmacsSuite.Outcome> outcomes) {
        long failures = outcomes.stream().filter(o -> o.status().equals("FAILED")).count();
        long errors = outcomes.stream().filter(o -> o.status().equals("ERROR")).count();
        double time = outcomes.stream().mapToDouble(EmacsSuite.Outcome::seconds).sum();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%.3f\">%n",
                escape(suite), outcomes.size(), failures, errors, time));
        for (EmacsSuite.Outcome outcome : outcomes) {
            xml.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    escape(suite), escape(outcome.name()), outcome.seconds()));
            if (outcome.passed()) {
                xml.append("/>\n");
            } else {
                String element = outcome.status().equals("FAILED") ? "failure" : "error";
                xml.append(">\n    <").append(element).append(" message=\"").append(escape(outcome.message())).append("\"/>\n")
                        .append("  </testcase>\n");
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
