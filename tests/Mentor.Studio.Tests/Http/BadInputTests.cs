using System.Net.Http.Headers;
using System.Text;
using Mentor.Server.Tests.Support;
using Mentor.Studio.Tests.Support;

namespace Mentor.Studio.Tests.Http;

/// <summary>
/// Bad input over HTTP: unusable photos, an oversized body, and path tricks in class and photo names. Each gets a 4xx
/// with a JSON error, and the project folder (hidden studio files included) is byte-for-byte what it was.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const long BodyLimit = 2 * 1024 * 1024;
    private StudioHost _studio = null!;

    public async Task InitializeAsync()
    {
        _studio = await StudioHost.StartAsync(new StudioOptions { MaxRequestBodyBytes = BodyLimit, BackgroundFeatures = false });
        await _studio.FillAsync(new Dictionary<string, IReadOnlyList<string>> { ["shoes"] = SharedData.Clothing("train", "shoes", 1), ["hat"] = [] });
    }

    public async Task DisposeAsync() => await _studio.DisposeAsync();

    private static byte[] Photo => File.ReadAllBytes(SharedData.Clothing("train", "shoes", 1, skip: 1)[0]);

    public static TheoryData<string, string, int, string> BadPhotos => new()
    {
        { "corrupt", "corrupt.png", 400, "corrupt_image" },
        { "truncated", "truncated.jpg", 400, "corrupt_image" },
        { "empty", "empty.jpg", 400, "empty_body" },
        { "bomb", "bomb.png", 413, "image_too_large" },
        { "text", "notes.jpg", 415, "unsupported_media_type" },
        { "oversized", "big.jpg", 413, "body_too_large" },
        { "photo", "../escape.jpg", 400, "bad_name" },
        { "photo", "/etc/escape.jpg", 400, "bad_name" },
        { "photo", "..\\escape.jpg", 400, "bad_name" },
        { "photo", "nul\0byte.jpg", 400, "bad_name" },
        { "photo", "CON.jpg", 400, "bad_name" },
        { "photo", ".hidden.jpg", 400, "bad_name" },
    };

    [Theory]
    [MemberData(nameof(BadPhotos))]
    public async Task A_bad_upload_gets_a_4xx_json_error_and_changes_nothing(string kind, string name, int status, string code)
    {
        var before = FolderSnapshot.Take(_studio.Root);
        var bytes = kind switch
        {
            "corrupt" => BadImages.Corrupt(),
            "truncated" => BadImages.Truncated(SharedData.Clothing("train", "shoes", 1)[0]),
            "empty" => [],
            "bomb" => BadImages.Bomb(),
            "text" => BadImages.Text,
            "oversized" => new byte[BodyLimit + 1024],
            _ => Photo,
        };

        var error = await ErrorOf(await _studio.UploadAsync("shoes", name, bytes));

        Assert.Equal((status, code), error);
        Assert.Equal(before, FolderSnapshot.Take(_studio.Root));
    }

    [Fact]
    public async Task A_multipart_upload_with_one_bad_file_writes_none_of_them()
    {
        var before = FolderSnapshot.Take(_studio.Root);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Photo), "file", "good.jpg" },
            { new ByteArrayContent(BadImages.Corrupt()), "file", "bad.png" },
        };

        var error = await ErrorOf(await _studio.Client.PostAsync("/api/photos?class=shoes", form));

        Assert.Equal((400, "corrupt_image"), error);
        Assert.Equal(before, FolderSnapshot.Take(_studio.Root));
    }

    [Fact]
    public async Task A_path_in_a_multipart_file_name_is_refused()
    {
        var before = FolderSnapshot.Take(_studio.Root);
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(Photo);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"../../escape.jpg\"" };
        form.Add(part);

        var error = await ErrorOf(await _studio.Client.PostAsync("/api/photos?class=shoes", form));

        Assert.Equal((400, "bad_name"), error);
        Assert.Equal(before, FolderSnapshot.Take(_studio.Root));
    }

    public static TheoryData<string, string, string?, int, string> BadRequests => new()
    {
        { "POST", "/api/classes", """{"name":"../escape"}""", 400, "bad_name" },
        { "POST", "/api/classes", """{"name":"/tmp/escape"}""", 400, "bad_name" },
        { "POST", "/api/classes", """{"name":"a/b"}""", 400, "bad_name" },
        { "POST", "/api/classes", """{"name":"x\u0000y"}""", 400, "bad_name" },
        { "POST", "/api/classes", """{"name":".mentor-studio"}""", 400, "bad_name" },
        { "POST", "/api/classes", """{"name":""}""", 400, "bad_name" },
        { "POST", "/api/classes", """{"name":"shoes"}""", 409, "name_taken" },
        { "POST", "/api/classes/rename", """{"from":"shoes","to":"../escape"}""", 400, "bad_name" },
        { "POST", "/api/classes/rename", """{"from":"../../etc","to":"x"}""", 400, "bad_name" },
        { "POST", "/api/classes/rename", """{"from":"nope","to":"x"}""", 404, "not_found" },
        { "DELETE", "/api/classes?name=..", null, 400, "bad_name" },
        { "DELETE", "/api/classes?name=%2Ftmp", null, 400, "bad_name" },
        { "POST", "/api/photos/move", """{"class":"shoes","name":"../../x","to":"hat"}""", 400, "bad_name" },
        { "POST", "/api/photos/move", """{"class":"shoes","name":"missing.jpg","to":"hat"}""", 404, "not_found" },
        { "DELETE", "/api/photos?class=shoes&name=..%2F..%2Fx", null, 400, "bad_name" },
        { "GET", "/api/thumb?class=.mentor-studio&name=state.json", null, 400, "bad_name" },
        { "GET", "/api/photo?class=shoes&name=..%2F.mentor-studio", null, 400, "bad_name" },
        { "POST", "/api/photos?class=..%2Fescape&name=a.jpg", "x", 400, "bad_name" },
        { "POST", "/api/photos?class=nope&name=a.jpg", "photo", 404, "not_found" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Path_tricks_and_missing_names_get_a_4xx_json_error_and_change_nothing(string method, string path, string? body, int status, string code)
    {
        var before = FolderSnapshot.Take(_studio.Root);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body == "photo") request.Content = new ByteArrayContent(Photo);
        else if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var error = await ErrorOf(await _studio.Client.SendAsync(request));

        Assert.Equal((status, code), error);
        Assert.Equal(before, FolderSnapshot.Take(_studio.Root));
    }

    private static async Task<(int Status, string Code)> ErrorOf(HttpResponseMessage response)
    {
        var json = await StudioHost.ReadAsync(response);
        var error = json.GetProperty("error");
        Assert.Equal((int)response.StatusCode, error.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        return ((int)response.StatusCode, error.GetProperty("code").GetString()!);
    }
}
