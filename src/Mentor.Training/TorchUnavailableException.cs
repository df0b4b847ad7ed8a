namespace Mentor.Training;

/// <summary>
/// libtorch (TorchSharp's native library) could not be loaded, so nothing can be trained.
/// The message names the likely fix.
/// </summary>
public sealed class TorchUnavailableException : MentorException
{
    public TorchUnavailableException(string message, Exception inner) : base(message, inner) { }
}
