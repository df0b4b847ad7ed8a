using Google.Protobuf;
using Mentor.Heads;
using Mentor.Models;
using Onnx;

namespace Mentor.Fuzz.Targets;

/// <summary>
/// The head readers behind <see cref="HeadFormats"/> without the graph checksum in front of them: a checksum is no
/// signature (anyone can recompute it), so each kind's reader must refuse any graph with <see cref="ModelFileException"/>.
/// Seeds keep only the head's part of each model (the backbone's weights are noise here).
/// </summary>
public sealed class HeadTarget : FuzzTarget
{
    public override string Name => "head";

    public override string Run(byte[] input)
    {
        var outcomes = new List<string>();
        foreach (var kind in HeadFormats.Kinds)
        {
            try
            {
                var head = HeadFormats.Read(input, kind, "fuzz-model.onnx");
                outcomes.Add($"{kind} accepted ({head.ClassCount} classes, {head.Dimension} features)");
            }
            catch (ModelFileException e)
            {
                outcomes.Add($"{kind} {Refused(e)}");
            }
        }
        return string.Join(" | ", outcomes);
    }

    public override void WriteSeeds(string folder)
    {
        foreach (var path in SeedModels.Write(folder))
        {
            var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
            var headOnly = model.Graph.Initializer.Where(t => t.RawData.Length > 1024 && !t.Name.StartsWith("mentor_", StringComparison.Ordinal)).ToList();
            foreach (var tensor in headOnly) model.Graph.Initializer.Remove(tensor);
            model.MetadataProps.Clear();
            File.WriteAllBytes(path, model.ToByteArray());
        }
    }
}
