package dev.sessionstore.spring.session;

/** Looks for optional classes without loading what is absent into a failure. */
final class Classes {
    private Classes() {}

    /** Whether the class of this name is visible from {@code from}'s loader (it is not initialized). */
    static boolean present(String name, Class<?> from) {
        return present(name, from.getClassLoader());
    }

    static boolean present(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
