namespace Mentor.Backbones;

/// <summary>A backbone spec (a spec file, or a key detected from an ONNX file) that cannot be used: names the file, the key and the fix.</summary>
/// <param name="file">The spec file, or the ONNX file whose detected spec failed.</param>
/// <param name="key">The spec key at fault.</param>
/// <param name="problem">What is wrong with its value, without the fix (the message adds it).</param>
public sealed class BackboneSpecException(string file, string key, string problem)
    : MentorException($"{file}: '{key}': {problem}; fix '{key}' in the spec (mentor backbones inspect writes one to edit).")
{
    /// <summary>The spec file, or the ONNX file whose detected spec failed.</summary>
    public string File { get; } = file;

    /// <summary>The spec key at fault (for example <c>mean</c> or <c>input_size</c>).</summary>
    public string Key { get; } = key;
}
