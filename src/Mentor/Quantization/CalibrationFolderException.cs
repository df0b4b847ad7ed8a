namespace Mentor.Quantization;

/// <summary>No photos to calibrate an int8 backbone on: the calibration folder is missing or empty, or none was given and the model's training folder is gone.</summary>
public sealed class CalibrationFolderException : QuantizationException
{
    /// <summary>Reports that no calibration photos could be found; the message adds the fix.</summary>
    /// <param name="where">The folder (or the model file, when no folder was given) the problem is about.</param>
    /// <param name="problem">What is wrong, without the fix (for example "the folder is empty").</param>
    public CalibrationFolderException(string where, string problem)
        : base($"{where}: {problem}; give a calibration folder with some of the training photos.")
    {
        Where = where;
        Problem = problem;
    }

    /// <summary>The folder (or the model file, when no folder was given) the problem is about.</summary>
    public string Where { get; }

    /// <summary>What is wrong, without the fix.</summary>
    public string Problem { get; }
}
