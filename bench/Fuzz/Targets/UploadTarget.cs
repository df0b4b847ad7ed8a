using System.Text;
using Mentor.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Mentor.Fuzz.Targets;

/// <summary>
/// The server's upload reader (<see cref="UploadReader"/>, behind <c>POST /predict</c> and the studio's uploads), raw and
/// multipart. Input: the Content-Type header's value, a newline, then the body. Refusal: <see cref="UploadException"/> (a 4xx).
/// </summary>
public sealed class UploadTarget : FuzzTarget
{
    private static readonly UploadLimits Limits = new(MaxRequestBodyBytes: 1 << 20, MaxFilesPerRequest: 4);

    public override string Name => "upload";

    public override string Run(byte[] input)
    {
        var newline = Array.IndexOf(input, (byte)'\n');
        var body = input.AsSpan(newline + 1).ToArray();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        if (newline >= 0) context.Request.ContentType = Encoding.Latin1.GetString(input, 0, newline);
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        try
        {
            var uploads = UploadReader.ReadAsync(context.Request, Limits).GetAwaiter().GetResult();
            if (uploads.Count == 0 || uploads.Any(u => u.Name.Length == 0))
                throw new InvalidOperationException("an accepted upload without files or with an empty name");
            return $"accepted: {string.Join(", ", uploads.Select(u => $"{u.Name} ({u.Bytes.Length} bytes)"))}";
        }
        catch (UploadException e)
        {
            if (e.Error.Status is < 400 or >= 500) throw new InvalidOperationException($"an upload refused with status {e.Error.Status}", e);
            return Refused(e);
        }
    }

    public override void WriteSeeds(string folder)
    {
        File.WriteAllBytes(Path.Combine(folder, "raw"), Encoding.Latin1.GetBytes("image/jpeg\n\xff\xd8\xff\xe0 JFIF bytes"));
        File.WriteAllText(Path.Combine(folder, "multipart"), """
            multipart/form-data; boundary="b0"
            --b0
            Content-Disposition: form-data; name="note"

            a form field
            --b0
            Content-Disposition: form-data; name="file"; filename="a.jpg"
            Content-Type: image/jpeg

            first file
            --b0
            Content-Disposition: form-data; name="file"; filename*=UTF-8''b%C3%A4.png

            second file
            --b0--

            """.ReplaceLineEndings("\r\n").Replace("b0\"\r\n", "b0\"\n", StringComparison.Ordinal));
    }
}
