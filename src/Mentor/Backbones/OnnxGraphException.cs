namespace Mentor.Backbones;

/// <summary>An ONNX graph cannot be cut or searched as asked (no such value, no stages, unsorted nodes); the message names the fix.</summary>
/// <param name="message">One line: what was wrong, where (file, node or folder), and the fix.</param>
public sealed class OnnxGraphException(string message) : MentorException(message);
