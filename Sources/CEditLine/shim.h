#ifndef KGSH_CEDITLINE_SHIM_H
#define KGSH_CEDITLINE_SHIM_H
// libedit's el_set, el_get and history() are C variadics, which Swift cannot call.
// Each use is wrapped here in a static inline function with a fixed signature.
// Swift 6 also refuses the stdin/stdout/stderr globals, so they are handed over from C.
#include <histedit.h>
#include <stdio.h>
#include <sys/ioctl.h>

static inline FILE *kgsh_stdin(void) { return stdin; }
static inline FILE *kgsh_stdout(void) { return stdout; }
static inline FILE *kgsh_stderr(void) { return stderr; }

/// A user-defined editor function (EL_ADDFN): returns one of the CC_* codes.
typedef unsigned char (*kgsh_el_function)(EditLine *, int);
/// A character reader (EL_GETCFN): stores one character and returns 1, 0 at end of input, -1 on error.
typedef int (*kgsh_el_read_function)(EditLine *, wchar_t *);
/// A prompt function (EL_PROMPT): returns the prompt to print.
typedef char *(*kgsh_el_prompt_function)(EditLine *);

// MARK: - el_set / el_get

/// EL_PROMPT_ESC: prompt function; characters between two `escape` characters are printed
/// but take no room on the line (for colours).
static inline int kgsh_el_set_prompt(EditLine *el, kgsh_el_prompt_function prompt, char escape) {
  return el_set(el, EL_PROMPT_ESC, prompt, escape);
}

/// EL_GETCFN: read characters with `function` instead of libedit's own reader.
static inline int kgsh_el_set_read_function(EditLine *el, kgsh_el_read_function function) {
  return el_set(el, EL_GETCFN, function);
}

/// EL_EDITOR: "emacs" or "vi".
static inline int kgsh_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

/// EL_SIGNAL: when non-zero, libedit installs its own handlers while reading, restores the
/// terminal on a signal and then re-sends it to the handler that was there before.
static inline int kgsh_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }

/// EL_HIST: use `h` (through the narrow history() function) for Up/Down and searches.
static inline int kgsh_el_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}

/// EL_ADDFN: register `function` under `name` so that it can be bound to a key.
static inline int kgsh_el_add_function(EditLine *el, const char *name, const char *help,
                                       kgsh_el_function function) {
  return el_set(el, EL_ADDFN, name, help, function);
}

/// EL_BIND: bind `key` (e.g. "^I") to the editor command `command`.
static inline int kgsh_el_bind(EditLine *el, const char *key, const char *command) {
  return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

/// EL_SETTY "-d -isig": while a line is edited, Ctrl-C is an ordinary key (bound with
/// EL_BIND) instead of a signal, so it cannot race with the read or reach another thread.
static inline int kgsh_el_keys_not_signals(EditLine *el) {
  return el_set(el, EL_SETTY, "-d", "-isig", (const char *)NULL);
}

/// EL_CLIENTDATA: an opaque pointer handed back to callbacks.
static inline int kgsh_el_set_client_data(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

static inline void *kgsh_el_get_client_data(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}

// MARK: - history

static inline int kgsh_history_set_size(History *h, int size) {
  HistEvent event;
  return history(h, &event, H_SETSIZE, size);
}

/// H_SETUNIQUE: when non-zero, an entry equal to the previous one is not added again.
static inline int kgsh_history_set_unique(History *h, int on) {
  HistEvent event;
  return history(h, &event, H_SETUNIQUE, on);
}

static inline int kgsh_history_enter(History *h, const char *entry) {
  HistEvent event;
  return history(h, &event, H_ENTER, entry);
}

/// H_LOAD: returns the number of entries read, or -1.
static inline int kgsh_history_load(History *h, const char *path) {
  HistEvent event;
  return history(h, &event, H_LOAD, path);
}

/// H_SAVE: returns the number of entries written, or -1.
static inline int kgsh_history_save(History *h, const char *path) {
  HistEvent event;
  return history(h, &event, H_SAVE, path);
}

/// The oldest entry (H_LAST), or NULL when the history is empty.
static inline const char *kgsh_history_oldest(History *h) {
  HistEvent event;
  return history(h, &event, H_LAST) == -1 ? NULL : event.str;
}

/// The next newer entry after the current one (H_PREV), or NULL at the newest.
static inline const char *kgsh_history_newer(History *h) {
  HistEvent event;
  return history(h, &event, H_PREV) == -1 ? NULL : event.str;
}

// MARK: - terminal

/// The number of columns of the terminal on `fd` (TIOCGWINSZ), or -1.
static inline int kgsh_terminal_columns(int fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) return -1;
  return size.ws_col;
}

/// The number of rows of the terminal on `fd` (TIOCGWINSZ), or -1.
static inline int kgsh_terminal_rows(int fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0) return -1;
  return size.ws_row;
}

#endif
