// The kgsh executable: flags, the one list of built-in plugins, and the wiring of the
// shell to the terminal. Everything else lives in the modules it imports.
import ArgumentParser
import Foundation
import KnowledgePlugin
import LineEditor
import QueryPlugin
import ShellCore

KgshCommand.main()
