namespace Mentor.Backbones;

/// <summary>A backbone spec (a spec file, or a key detected from an ONNX file) that cannot be used: names the file, the key and the fix.</summary>
public sealed class BackboneSpecException(string file, string key, string problem)
    : MentorException($"{file}: '{key}': {problem}; fix '{key}' in the spec (mentor backbones inspect writes one to edit).")
{
    /// <summary>The spec file, or the ONNX file whose detected spec failed.</summary>
    public string File { get; } = file;

    /// <summary>The spec key at fault (for example <c>mean</c> or <c>input_size</c>).</summary>
    public string Key { get; } = key;
}
