namespace Mentor.Training;

/// <summary>
/// libtorch (TorchSharp's native library) could not be loaded, so nothing can be trained.
/// The message names the likely fix.
/// </summary>
public sealed class TorchUnavailableException : MentorException
{
    /// <summary>Reports that libtorch could not be loaded; <paramref name="message"/> names the likely fix.</summary>
    /// <param name="message">One line: what failed and what to install or set.</param>
    /// <param name="inner">The exception loading libtorch threw.</param>
    public TorchUnavailableException(string message, Exception inner) : base(message, inner) { }
}
