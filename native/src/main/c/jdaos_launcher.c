/*
 * jdaos launcher: runs a jdaos daemon's Java main class inside a process whose executable, comm and argv are
 * DAOS's (/usr/bin/daos_engine -t 12 -x 2 ...), so that ps, top, pgrep and systemctl show what DAOS shows.
 *
 * The binary is installed under the name of the program (daos_server, daos_engine, daos_agent, dmg, daos).
 * It reads <dir of the binary>/../lib/jdaos/<name>.launch: one JVM option a line (lines starting with '-'),
 * '#' comments, and one line naming the main class; %PREFIX% in an option stands for <dir of the binary>/..,
 * so an installed tree can be moved (or unpacked into another root) as a whole. JDAOS_JAVA_OPTS adds
 * whitespace-separated JVM options.
 * The JVM (libjvm.so) is the one of $JAVA (a java binary), else $JAVA_HOME, else `java` on PATH, else
 * /usr/bin/java. The JVM runs on a new thread with a large stack, as the java launcher does; argv[1..] are
 * the main class's arguments; the exit status is main's (1 when it throws), or System.exit's.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <jni.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_OPTS 256
#define MAIN_STACK (8UL << 20)

typedef jint (*create_vm_fn)(JavaVM **, void **, void *);

struct launch {
  const char *prog;
  const char *prefix;
  char *main_class;
  JavaVMOption opts[MAX_OPTS];
  int nopts;
  int argc;
  char **argv;
  int status;
};

static void die(const char *prog, const char *what, const char *detail) {
  fprintf(stderr, "%s: %s%s%s\n", prog, what, detail ? ": " : "", detail ? detail : "");
  exit(2);
}

static void add_opt(struct launch *l, char *opt) {
  if (l->nopts >= MAX_OPTS - 1) {
    die(l->prog, "too many JVM options", NULL);
  }
  l->opts[l->nopts].optionString = opt;
  l->opts[l->nopts].extraInfo = NULL;
  l->nopts++;
}

static char *trim(char *s) {
  while (*s == ' ' || *s == '\t') {
    s++;
  }
  size_t n = strlen(s);
  while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) {
    s[--n] = '\0';
  }
  return s;
}

/* s with every %PREFIX% replaced by prefix (a new string). */
static char *expand_prefix(const char *s, const char *prefix) {
  static const char token[] = "%PREFIX%";
  size_t count = 0;
  for (const char *p = strstr(s, token); p != NULL; p = strstr(p + 1, token)) {
    count++;
  }
  char *out = malloc(strlen(s) + count * strlen(prefix) + 1);
  char *o = out;
  for (const char *p = s; *p;) {
    if (strncmp(p, token, sizeof(token) - 1) == 0) {
      o = stpcpy(o, prefix);
      p += sizeof(token) - 1;
    } else {
      *o++ = *p++;
    }
  }
  *o = '\0';
  return out;
}

static void read_launch_file(struct launch *l, const char *path) {
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    die(l->prog, "cannot read its launch file (reinstall jdaos, or run `mvn -DskipTests package`)", path);
  }
  char *line = NULL;
  size_t cap = 0;
  while (getline(&line, &cap, f) >= 0) {
    char *s = trim(line);
    if (*s == '\0' || *s == '#') {
      continue;
    }
    if (*s == '-') {
      add_opt(l, expand_prefix(s, l->prefix));
    } else if (l->main_class == NULL) {
      l->main_class = strdup(s);
      for (char *p = l->main_class; *p; p++) {
        if (*p == '.') {
          *p = '/';
        }
      }
    } else {
      die(l->prog, "launch file names two main classes", path);
    }
  }
  free(line);
  fclose(f);
  if (l->main_class == NULL) {
    die(l->prog, "launch file names no main class", path);
  }
}

static void add_env_opts(struct launch *l) {
  const char *v = getenv("JDAOS_JAVA_OPTS");
  if (v == NULL) {
    return;
  }
  char *copy = strdup(v);
  for (char *tok = strtok(copy, " \t\n"); tok != NULL; tok = strtok(NULL, " \t\n")) {
    add_opt(l, tok);
  }
}

/* The sun.java.command property (what jps and jcmd show): the main class and its arguments. */
static void add_command_property(struct launch *l, const char *dotted_main) {
  size_t n = strlen("-Dsun.java.command=") + strlen(dotted_main) + 1;
  for (int i = 1; i < l->argc; i++) {
    n += strlen(l->argv[i]) + 1;
  }
  char *s = malloc(n);
  strcpy(s, "-Dsun.java.command=");
  strcat(s, dotted_main);
  for (int i = 1; i < l->argc; i++) {
    strcat(s, " ");
    strcat(s, l->argv[i]);
  }
  add_opt(l, s);
}

/* The real path of the java binary (out: PATH_MAX bytes): $JAVA, $JAVA_HOME/bin/java, java on PATH, /usr/bin/java. */
static int find_java(char *out) {
  const char *java = getenv("JAVA");
  char buf[PATH_MAX];
  if (java != NULL && *java != '\0' && strchr(java, '/') != NULL) {
    return realpath(java, out) != NULL ? 0 : -1;
  }
  const char *home = getenv("JAVA_HOME");
  if (home != NULL && *home != '\0') {
    snprintf(buf, sizeof(buf), "%s/bin/java", home);
    return realpath(buf, out) != NULL ? 0 : -1;
  }
  const char *name = java != NULL && *java != '\0' ? java : "java";
  const char *path = getenv("PATH");
  char *dirs = strdup(path != NULL ? path : "/usr/bin:/bin");
  for (char *d = strtok(dirs, ":"); d != NULL; d = strtok(NULL, ":")) {
    snprintf(buf, sizeof(buf), "%s/%s", d, name);
    if (access(buf, X_OK) == 0 && realpath(buf, out) != NULL) {
      free(dirs);
      return 0;
    }
  }
  free(dirs);
  return realpath("/usr/bin/java", out) != NULL ? 0 : -1;
}

static create_vm_fn load_jvm(const char *prog) {
  char java[PATH_MAX];
  char lib[PATH_MAX + 32];
  if (find_java(java) != 0) {
    die(prog, "no Java runtime found; set JAVA_HOME or JAVA, or install a JRE (17 or later)", NULL);
  }
  /* <home>/bin/java -> <home>/lib/server/libjvm.so */
  char *home = dirname(dirname(java));
  snprintf(lib, sizeof(lib), "%s/lib/server/libjvm.so", home);
  void *h = dlopen(lib, RTLD_NOW | RTLD_GLOBAL);
  if (h == NULL) {
    die(prog, "cannot load the JVM", dlerror());
  }
  create_vm_fn create = (create_vm_fn)dlsym(h, "JNI_CreateJavaVM");
  if (create == NULL) {
    die(prog, "libjvm.so has no JNI_CreateJavaVM", lib);
  }
  return create;
}

static int describe_failure(JNIEnv *env) {
  if ((*env)->ExceptionCheck(env)) {
    (*env)->ExceptionDescribe(env);
    (*env)->ExceptionClear(env);
  }
  return 1;
}

static int call_main(struct launch *l, JNIEnv *env) {
  jclass cls = (*env)->FindClass(env, l->main_class);
  if (cls == NULL) {
    return describe_failure(env);
  }
  jmethodID main = (*env)->GetStaticMethodID(env, cls, "main", "([Ljava/lang/String;)V");
  if (main == NULL) {
    return describe_failure(env);
  }
  jclass string = (*env)->FindClass(env, "java/lang/String");
  jobjectArray args = (*env)->NewObjectArray(env, l->argc - 1, string, NULL);
  if (args == NULL) {
    return describe_failure(env);
  }
  for (int i = 1; i < l->argc; i++) {
    jstring s = (*env)->NewStringUTF(env, l->argv[i]);
    if (s == NULL) {
      return describe_failure(env);
    }
    (*env)->SetObjectArrayElement(env, args, i - 1, s);
  }
  (*env)->CallStaticVoidMethod(env, cls, main, args);
  return (*env)->ExceptionCheck(env) ? describe_failure(env) : 0;
}

static void *run_jvm(void *arg) {
  struct launch *l = arg;
  create_vm_fn create = load_jvm(l->prog);
  JavaVMInitArgs init = {.version = JNI_VERSION_1_8, .nOptions = l->nopts, .options = l->opts,
                         .ignoreUnrecognized = JNI_FALSE};
  JavaVM *vm;
  JNIEnv *env;
  if (create(&vm, (void **)&env, &init) != JNI_OK) {
    die(l->prog, "cannot start the JVM (check JDAOS_JAVA_OPTS and the launch file)", NULL);
  }
  l->status = call_main(l, env);
  /* Like java: wait for the non-daemon threads, then exit with main's status. */
  (*vm)->DetachCurrentThread(vm);
  (*vm)->DestroyJavaVM(vm);
  return NULL;
}

int main(int argc, char **argv) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (n <= 0) {
    die(argv[0], "cannot read /proc/self/exe", strerror(errno));
  }
  exe[n] = '\0';
  struct launch l = {.argc = argc, .argv = argv};
  char *name = strdup(basename(strdup(exe)));
  l.prog = name;
  char prefix[PATH_MAX + 4];
  snprintf(prefix, sizeof(prefix), "%s/..", dirname(exe));
  char resolved[PATH_MAX];
  l.prefix = realpath(prefix, resolved) != NULL ? resolved : prefix;
  char launch_file[PATH_MAX + 64];
  snprintf(launch_file, sizeof(launch_file), "%s/lib/jdaos/%s.launch", l.prefix, name);
  read_launch_file(&l, launch_file);
  add_env_opts(&l);
  char *dotted = strdup(l.main_class);
  for (char *p = dotted; *p; p++) {
    if (*p == '/') {
      *p = '.';
    }
  }
  add_command_property(&l, dotted);

  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, MAIN_STACK);
  pthread_t t;
  if (pthread_create(&t, &attr, run_jvm, &l) != 0) {
    die(name, "cannot create the main thread", strerror(errno));
  }
  pthread_join(t, NULL);
  return l.status;
}
