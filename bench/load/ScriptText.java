import java.lang.reflect.Method;

/**
 * Prints the full Lua text (constants, the helpers it declares, its body) of one of the Redis store's scripts, as
 * Redis runs it by {@code EVALSHA}: {@code java -cp 'server/target/libs/*' bench/load/ScriptText.java READ}. With
 * {@code --store-library} it prints the store's function library (all ten scripts, as the store loads it on Redis 7;
 * the functions are named {@code ss_<hash>_<script>}). The scripts are internal to the store, so
 * this reads them by reflection; a tool for {@code script-cost.sh}, not an API.
 */
public class ScriptText {
    public static void main(String[] args) throws Exception {
        boolean store = args.length == 2 && args[1].equals("--store-library");
        if (args.length != 1 && !store) {
            throw new IllegalArgumentException("usage: ScriptText SCRIPT [--store-library] (SCRIPT: READ, ...)");
        }
        Class<?> scripts = Class.forName("dev.sessionstore.redis.Script");
        for (Object script : scripts.getEnumConstants()) {
            if (script.toString().equals(args[0])) {
                if (store) {
                    System.out.print(storeLibrary(scripts));
                    return;
                }
                System.out.print(call(scripts, script, "text"));
                return;
            }
        }
        throw new IllegalArgumentException("no script " + args[0]);
    }

    private static String storeLibrary(Class<?> scripts) throws Exception {
        Method library = scripts.getDeclaredMethod("library");
        library.setAccessible(true);
        Object lib = library.invoke(null);
        return (String) lib.getClass().getMethod("code").invoke(lib);
    }

    private static String call(Class<?> scripts, Object script, String name) throws Exception {
        Method method = scripts.getDeclaredMethod(name);
        method.setAccessible(true);
        return (String) method.invoke(script);
    }
}
