using Onnx;

namespace Mentor.Training.FineTuning;

/// <summary>Typed reads of an ONNX node's attributes, with the defaults of the ONNX specification.</summary>
internal static class NodeAttributes
{
    public static AttributeProto? Find(this NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name);

    public static long Int(this NodeProto node, string name, long fallback) =>
        node.Find(name) is { } a ? a.I : fallback;

    public static float Float(this NodeProto node, string name, float fallback) =>
        node.Find(name) is { } a ? a.F : fallback;

    public static string String(this NodeProto node, string name, string fallback) =>
        node.Find(name) is { } a ? a.S.ToStringUtf8() : fallback;

    /// <summary>The ints of <paramref name="name"/>, or null when the attribute is absent.</summary>
    public static long[]? Ints(this NodeProto node, string name) =>
        node.Find(name) is { } a ? a.Ints.ToArray() : null;

    /// <summary>The ints of <paramref name="name"/>, or <paramref name="count"/> copies of <paramref name="fallback"/>.</summary>
    public static long[] Ints(this NodeProto node, string name, int count, long fallback) =>
        node.Ints(name) is { Length: > 0 } values ? values : Enumerable.Repeat(fallback, count).ToArray();

    /// <summary>Input <paramref name="index"/>'s name, or null when the input is absent or left empty (an optional input).</summary>
    public static string? OptionalInput(this NodeProto node, int index) =>
        index < node.Input.Count && node.Input[index].Length > 0 ? node.Input[index] : null;
}
