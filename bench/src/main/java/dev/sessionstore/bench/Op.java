package dev.sessionstore.bench;

/** The operations of the comparison workload, in the order each run measures them. */
enum Op {
    CREATE("create"),
    TOUCH("touch"),
    UPDATE("update"),
    LIST("list user"),
    REVOKE("revoke");

    private final String label;

    Op(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
