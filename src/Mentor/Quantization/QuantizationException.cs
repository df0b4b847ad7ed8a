namespace Mentor.Quantization;

/// <summary>A model that cannot be quantised as given (unsupported operator, no calibration photos, already int8...).</summary>
public class QuantizationException(string message) : MentorException(message);
