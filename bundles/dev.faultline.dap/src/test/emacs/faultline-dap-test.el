;;; faultline-dap-test.el --- Emacs dap-mode (Debian's elpa-dap-mode) as a DAP client of the adapter -*- lexical-binding: t -*-

;; A second client, independent of VS Code's DebugClient: dap-mode starts `faultline debug' over
;; stdio, as a user's Emacs does, and drives it with its own commands (breakpoints from a buffer,
;; dap-debug, dap-continue).  EmacsSuite runs this file with `emacs --batch -l' (not -Q: the site
;; start-up loads Debian's ELPA packages) and these variables set:
;;   FAULTLINE_JAVA, FAULTLINE_CLASSPATH  the JVM and class path of the adapter
;;   FAULTLINE_IPC, FAULTLINE_IPC_SOURCE  examples/ipc built as `make -C examples' builds it, and its source
;;   FAULTLINE_RESULTS                    where each test's outcome goes, one line each, for the JUnit report

(require 'ert)
(require 'cl-lib)
(require 'subr-x)
(require 'dap-mode)
(require 'dap-ui)

(defun faultline-test--env (name)
  "The environment variable NAME, which EmacsSuite sets."
  (or (getenv name) (error "%s is not set: run this file through EmacsSuite" name)))

(setq dap-auto-show-output nil
      dap-print-io nil
      dap-breakpoints-file (expand-file-name "dap-breakpoints" (make-temp-file "faultline-dap" t)))

(dap-register-debug-provider
 "faultline"
 (lambda (conf)
   (plist-put conf :dap-server-path
              (list (faultline-test--env "FAULTLINE_JAVA") "-cp" (faultline-test--env "FAULTLINE_CLASSPATH")
                    "dev.faultline.dap.cli.Main" "debug"))
   conf))

(defun faultline-test--wait (what predicate &optional seconds)
  "Lets dap-mode read the adapter until PREDICATE holds; fails naming WHAT after SECONDS (60)."
  (let ((deadline (+ (float-time) (or seconds 60))))
    (while (not (funcall predicate))
      (when (> (float-time) deadline)
        (error "No %s in %s seconds" what (or seconds 60)))
      (accept-process-output nil 0.05))))

(defun faultline-test--line-of (text)
  "The line of the ipc example's source that contains TEXT."
  (with-current-buffer (find-file-noselect (faultline-test--env "FAULTLINE_IPC_SOURCE"))
    (save-excursion
      (goto-char (point-min))
      (unless (search-forward text nil t)
        (error "ipc.c has no line with %S" text))
      (line-number-at-pos))))

(defun faultline-test--stopped-frames (session)
  "The stack frames dap-mode fetched for SESSION's stopped thread, once it has selected the top one."
  (faultline-test--wait "stop with its stack"
                        (lambda () (dap--debug-session-active-frame session)))
  (gethash (dap--debug-session-thread-id session) (dap--debug-session-thread-stack-frames session)))

(defun faultline-test--scope (session frame name)
  "The variables of FRAME's scope NAME, as an alist of (NAME . VALUE), read with dap-mode's requests."
  (let* ((scopes (gethash "scopes" (dap-request session "scopes" :frameId (gethash "id" frame))))
         (scope (or (cl-find name scopes :key (lambda (s) (gethash "name" s)) :test #'equal)
                    (error "No scope %s" name))))
    (mapcar (lambda (v) (cons (gethash "name" v) (gethash "value" v)))
            (gethash "variables" (dap-request session "variables"
                                              :variablesReference (gethash "variablesReference" scope))))))

(ert-deftest faultline-ipc-stops-at-a-breakpoint-shows-its-stack-and-runs-to-the-end ()
  "Launch examples/ipc with a breakpoint set in its buffer, stop twice, read the stack, continue to the end."
  (let* ((source (faultline-test--env "FAULTLINE_IPC_SOURCE"))
         (line (faultline-test--line-of "printf(\"Badged %lu\\n\"")))
    (with-current-buffer (find-file-noselect source)
      (goto-char (point-min))
      (forward-line (1- line))
      (dap-breakpoint-add))
    (dap-debug (list :type "faultline" :request "launch" :name "faultline ipc"
                     :program (faultline-test--env "FAULTLINE_IPC")))
    (let ((session (dap--cur-session)))
      (dotimes (_hit 2)
        (let* ((frames (faultline-test--stopped-frames session))
               (top (car frames)))
          (should (equal "breakpoint" (gethash (dap--debug-session-thread-id session)
                                               (dap--debug-session-thread-states session))))
          ;; GCC inlines the handler and serve into main: each inlined copy is a frame of its own.
          (should (equal '("hand_out_badged_endpoint" "serve" "main")
                         (cl-subseq (mapcar (lambda (f) (gethash "name" f)) frames) 0 3)))
          (should (equal line (gethash "line" top)))
          (should (equal source (gethash "path" (gethash "source" top))))
          ;; dap-mode showed ipc.c at the frame's line in the selected window.
          (with-current-buffer (window-buffer (selected-window))
            (should (equal source (buffer-file-name)))
            (should (equal line (line-number-at-pos (window-point)))))
          (let ((registers (faultline-test--scope session top "Registers")))
            (should (equal (string-to-number (substring (gethash "instructionPointerReference" top) 2) 16)
                           (string-to-number (substring (cdr (assoc "pc" registers)) 2) 16))))
          ;; dap-mode keeps each thread's last event: both clients started before the server
          ;; took its first message, and it listed the threads again after each thread event.
          (should (equal '("breakpoint" "started" "started")
                         (sort (hash-table-values (dap--debug-session-thread-states session)) #'string<)))
          (should (equal 3 (length (dap--debug-session-threads session))))
          (dap-continue session (dap--debug-session-thread-id session))))
      (faultline-test--wait "end of the program"
                            (lambda () (eq 'terminated (dap--debug-session-state session))))
      (with-current-buffer (dap--debug-session-output-buffer session)
        (should (string-match-p "Badged 1\n" (buffer-string)))
        (should (string-match-p "Server: echoed [0-9]+ words\n" (buffer-string)))))))

(defun faultline-test--report (stats)
  "Writes each test's outcome in STATS to FAULTLINE_RESULTS: PASSED, FAILED or ERROR, name, seconds, message."
  (with-temp-file (faultline-test--env "FAULTLINE_RESULTS")
    (dotimes (i (length (ert--stats-tests stats)))
      (let* ((test (aref (ert--stats-tests stats) i))
             (result (aref (ert--stats-test-results stats) i))
             (start (aref (ert--stats-test-start-times stats) i))
             (end (aref (ert--stats-test-end-times stats) i))
             (seconds (if (and start end) (float-time (time-subtract end start)) 0)))
        (insert (format "%s\t%s\t%.3f\t%s\n"
                        (cond ((ert-test-passed-p result) "PASSED")
                              ((ert-test-failed-p result) "FAILED")
                              (t "ERROR"))
                        (ert-test-name test) seconds
                        (if (ert-test-result-with-condition-p result)
                            (replace-regexp-in-string
                             "[\t\n]" " " (format "%S" (ert-test-result-with-condition-condition result)))
                          "")))))))

(let ((stats (ert-run-tests-batch t)))
  (faultline-test--report stats)
  (kill-emacs (if (zerop (ert-stats-completed-unexpected stats)) 0 1)))
