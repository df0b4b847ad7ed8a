using Onnx;

namespace Mentor.ShardTools;

/// <summary>Compares the linear-head constants (<c>mentor_head_weights</c>, <c>mentor_head_bias</c>) of two model files.</summary>
internal static class HeadComparison
{
    private static readonly string[] Names = ["mentor_head_weights", "mentor_head_bias"];

    public static int Run(string a, string b)
    {
        var (left, right) = (Head(a), Head(b));
        var same = Names.All(n => left[n].Equals(right[n]));
        Console.WriteLine($"{{\"headWeightsIdentical\": {same.ToString().ToLowerInvariant()}, \"values\": {left[Names[0]].RawData.Length / 4 + left[Names[0]].FloatData.Count}}}");
        return same ? 0 : 1;
    }

    private static Dictionary<string, TensorProto> Head(string path) =>
        ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph.Initializer.Where(t => Names.Contains(t.Name)).ToDictionary(t => t.Name);
}
