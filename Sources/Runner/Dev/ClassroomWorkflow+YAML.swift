import Grader

extension ClassroomWorkflow {
    /// The workflow file. Written by hand rather than by a YAML library (we have none): every value
    /// that is not a fixed word is double-quoted with `quoted(_:)`.
    public func yaml() -> String {
        var lines = [
            "# Written by `backendlings dev classroom`; run it again after the lessons change.",
            "# GitHub Classroom reads the points of each exercise from the reporter step at the end.",
            "name: \(quoted(Self.workflowName))",
            "\"on\":",
            "  - push",
            "  - repository_dispatch",
            "  - workflow_dispatch",
            "permissions:",
            "  checks: write",
            "  actions: read",
            "  contents: read",
            "jobs:",
            "  \(Self.jobName):",
            "    runs-on: ubuntu-latest",
            "    if: github.actor != 'github-classroom[bot]'",
            "    steps:",
            "      - name: Checkout code",
            "        uses: actions/checkout@v4",
            "      - name: Install the system libraries backendlings needs",
            "        run: |",
            "          sudo apt-get update",
            "          sudo apt-get install -y --no-install-recommends libsqlite3-dev libssl-dev libcurl4-openssl-dev \\",
            "            libxml2-dev pkg-config",
            "      - name: \(quoted("Install Swift \(swiftVersion)"))",
            "        run: |",
            "          curl -fsSL -O \"https://download.swift.org/swiftly/linux/swiftly-$(uname -m).tar.gz\"",
            "          tar zxf \"swiftly-$(uname -m).tar.gz\"",
            "          ./swiftly init --assume-yes --skip-install --quiet-shell-followup",
            "          . \"${SWIFTLY_HOME_DIR:-$HOME/.local/share/swiftly}/env.sh\"",
            "          swiftly install --use --assume-yes \(shellQuoted(swiftVersion))",
            "          echo \"${SWIFTLY_BIN_DIR:-$HOME/.local/share/swiftly/bin}\" >> \"$GITHUB_PATH\"",
            "          swift --version",
            "      - name: Build backendlings",
            "        run: swift build --product backendlings-cli",
        ]
        for step in steps {
            lines += [
                "      - name: \(quoted("\(step.exercise) · \(step.title)"))",
                "        id: \(step.id)",
                "        uses: classroom-resources/autograding-command-grader@v1",
                "        with:",
                "          test-name: \(quoted(step.exercise))",
                "          command: \(quoted(command(step)))",
                "          timeout: \(Self.stepTimeoutMinutes)",
                "          max-score: \(step.maxScore)",
            ]
        }
        lines += [
            "      - name: Autograding Reporter",
            "        uses: classroom-resources/autograding-grading-reporter@v1",
            "        env:",
        ]
        for step in steps {
            lines.append(
                "          \(step.id.uppercased())_RESULTS: \"${{steps.\(step.id).outputs.result}}\"")
        }
        lines += [
            "        with:",
            "          runners: \(steps.map(\.id).joined(separator: ","))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The shell command of a step: the built binary and the step's arguments.
    public func command(_ step: Step) -> String {
        ([Self.binary] + step.arguments.map(shellQuoted)).joined(separator: " ")
    }

    /// A YAML double-quoted scalar.
    func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    func shellQuoted(_ word: String) -> String { ShellQuoting.quotedIfNeeded(word) }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
