import Foundation
import PluginProtocol

/// Lines of JSON over stdin and stdout.
final class Channel {
  private let input = FileHandle.standardInput
  private var buffer = Data()

  /// Writes one message and flushes it.
  func send(_ message: WireMessage) throws {
    FileHandle.standardOutput.write(try message.line())
  }

  /// The next message, or nil at the end of input.
  func receive() throws -> WireMessage? {
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        let line = buffer[buffer.startIndex..<newline]
        buffer = Data(buffer[(newline + 1)...])
        if line.isEmpty { continue }
        return try WireMessage.decode(line)
      }
      let chunk = input.availableData
      if chunk.isEmpty { return nil }
      buffer.append(chunk)
    }
  }
}
