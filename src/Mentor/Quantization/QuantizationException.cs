namespace Mentor.Quantization;

/// <summary>A model that cannot be quantised as given (unsupported operator, no calibration photos, already int8...).</summary>
/// <param name="message">One line: what was wrong, where (file, node or folder), and the fix.</param>
public class QuantizationException(string message) : MentorException(message);
