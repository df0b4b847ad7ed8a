using System.IO.Compression;
using Mentor.Studio.Export;
using Mentor.Studio.Projects;
using Mentor.Studio.Training;

namespace Mentor.Studio.Http;

/// <summary>
/// <c>GET /api/export/model</c> (the ONNX model file; <c>?precision=int8</c>: its int8 version), <c>GET /api/export/dataset</c> (the class folders as a zip, the
/// dataset every mentor command reads) and <c>GET /api/export/snippets</c> (code that loads the downloaded model).
/// </summary>
internal static class ExportEndpoints
{
    public static async Task<IResult> ModelAsync(StudioProject project, TrainingJob training, Int8Export int8, HttpContext http, string? precision = null)
    {
        var path = precision switch
        {
            null or "fp32" => File.Exists(training.ModelPath) ? training.ModelPath : throw StudioException.NotFound("no model yet; press Train first"),
            "int8" => await int8.GetOrCreateAsync(http.RequestAborted).ConfigureAwait(false),
            _ => throw new StudioException(400, "bad_precision", $"precision '{precision}' is not one the studio exports; use fp32 or int8"),
        };
        // Opened now: a retraining that replaces the file (by rename) does not change what this download sends.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        return Results.File(stream, "application/octet-stream", ModelFileName(project, precision == "int8" ? "-int8" : ""));
    }

    public static async Task<IResult> DatasetAsync(StudioProject project)
    {
        var temp = Path.Combine(project.StudioFolder, $"export-{Guid.NewGuid():N}.zip");
        await using (var zip = await ZipArchive.CreateAsync(new FileStream(temp, FileMode.CreateNew), ZipArchiveMode.Create, leaveOpen: false, entryNameEncoding: null).ConfigureAwait(false))
        {
            foreach (var cls in project.Classes())
            {
                foreach (var name in project.Photos(cls.Name))
                {
                    var path = Path.Combine(project.Root, cls.Name, name);
                    if (File.Exists(path)) // removed since the listing: left out
                        await zip.CreateEntryFromFileAsync(path, $"{cls.Name}/{name}", CompressionLevel.NoCompression).ConfigureAwait(false); // photos are compressed already
                }
            }
        }
        var stream = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        return Results.File(stream, "application/zip", $"{Path.GetFileName(project.Root)}-dataset.zip");
    }

    public static IResult Snippets(StudioProject project, LiveModel live)
    {
        var metadata = live.Metadata ?? throw StudioException.NotFound("no model yet; press Train first");
        return Results.Json(Export.Snippets.For(ModelFileName(project), metadata.Input, metadata.Labels));
    }

    public static string ModelFileName(StudioProject project, string suffix = "") => $"{Path.GetFileName(project.Root)}{suffix}.onnx";
}
