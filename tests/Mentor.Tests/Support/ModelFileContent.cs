using System.Text.Json.Nodes;
using Google.Protobuf;
using Mentor.Models;
using Onnx;

namespace Mentor.Tests.Support;

/// <summary>A model file's bytes with its creation time blanked: two runs that trained the same model give the same bytes.</summary>
internal static class ModelFileContent
{
    public static byte[] WithoutCreationTime(string path)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        var entry = model.MetadataProps.Single(p => p.Key == ModelMetadata.Key);
        var metadata = JsonNode.Parse(entry.Value)!.AsObject();
        metadata.Remove("created");
        entry.Value = metadata.ToJsonString();
        return model.ToByteArray();
    }
}
