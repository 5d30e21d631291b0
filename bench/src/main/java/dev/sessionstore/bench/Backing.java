package dev.sessionstore.bench;

/** Where a target keeps its sessions, which decides how bytes and round trips are measured. */
enum Backing {
    REDIS,
    POSTGRES,
    HEAP
}
