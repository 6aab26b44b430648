import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

/**
 * The reference reader for test/parser-differential.test.ts: loads each file with the very call
 * Kafka uses and prints one JSON line per file, so klint's parser can be compared to the JDK.
 * All files go through one JVM because JVM start-up dominates the run time.
 */
public class ReadProperties {
    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        for (String file : args) {
            out.append("{\"file\":").append(json(file));
            try (InputStream in = new FileInputStream(file)) {
                Properties properties = new Properties();
                properties.load(in);
                out.append(",\"ok\":true,\"entries\":{");
                boolean first = true;
                for (Map.Entry<Object, Object> entry : properties.entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    out.append(json((String) entry.getKey())).append(':').append(json((String) entry.getValue()));
                }
                out.append('}');
            } catch (Exception e) {
                out.append(",\"ok\":false,\"error\":").append(json(String.valueOf(e.getMessage())));
            }
            out.append("}\n");
        }
        System.out.print(out);
        System.out.flush();
    }

    /** Every non-printable or non-ASCII char as \\uXXXX keeps the output ASCII, whatever the platform charset. */
    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
