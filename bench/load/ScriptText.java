import java.lang.reflect.Method;

/**
 * Prints the full Lua text (constants, the helpers it declares, its body) of one of the Redis store's scripts, as
 * Redis runs it: {@code java -cp 'server/target/libs/*' bench/load/ScriptText.java READ}. The scripts are internal
 * to the store, so this reads them by reflection; a tool for {@code script-cost.sh}, not an API.
 */
public class ScriptText {
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ScriptText SCRIPT (CREATE, READ, UPDATE, ...)");
        }
        Class<?> scripts = Class.forName("dev.sessionstore.redis.Script");
        for (Object script : scripts.getEnumConstants()) {
            if (script.toString().equals(args[0])) {
                Method text = scripts.getDeclaredMethod("text");
                text.setAccessible(true);
                System.out.print(text.invoke(script));
                return;
            }
        }
        throw new IllegalArgumentException("no script " + args[0]);
    }
}
