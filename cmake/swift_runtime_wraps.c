/* Link-time replacements for two functions of the statically linked Swift
 * runtime, so that loading libanalyze.so leaves its host's process state alone
 * (docs/reliability.md, "Signal state and environment").
 *
 * The .so is linked with
 *   -Xlinker --wrap=_swift_installCrashHandler
 *   -Xlinker --wrap=_ZN5swift7runtime11environment10initializeEPv
 * which sends every call the runtime's own objects make to these two functions
 * to the __wrap_ definitions below instead. Both are reached from the runtime's
 * static initializers, which run inside the host's dlopen():
 *
 *  - _swift_installCrashHandler (Backtrace.cpp -> CrashHandlerLinux.cpp) gives
 *    SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE and SIGSEGV a handler and
 *    the thread an alternate signal stack whenever the backtracer is enabled:
 *    by SWIFT_BACKTRACE=enable=yes,swift-backtrace=<path>, or by default when a
 *    swift-backtrace binary sits where the runtime looks for one. A library must
 *    not take over its host's crash handling; here it installs nothing and
 *    reports success (0), so the runtime prints no warning either.
 *  - swift::runtime::environment::initialize(void *) reads the SWIFT_* variables
 *    of the host's environment (SWIFT_BACKTRACE, SWIFT_DEBUG_*, ...). Here it
 *    reads nothing: the runtime keeps its built-in defaults, so no variable can
 *    turn on runtime diagnostics or warnings on the host's stderr.
 *
 * tests/reliability/test_signal_state.c proves the effect (every sigaction, the
 * alternate stack and the signal mask are unchanged after dlopen and a first
 * call of every entry point, with and without SWIFT_BACKTRACE); if a toolchain
 * renames either symbol, --wrap silently stops applying and that test fails. */

/** Replaces _swift_installCrashHandler(): installs no handler, reports success. */
int __wrap__swift_installCrashHandler(void);
int __wrap__swift_installCrashHandler(void) { return 0; }

/** Replaces swift::runtime::environment::initialize(void *): reads no environment. */
void __wrap__ZN5swift7runtime11environment10initializeEPv(void *context);
void __wrap__ZN5swift7runtime11environment10initializeEPv(void *context) { (void)context; }
