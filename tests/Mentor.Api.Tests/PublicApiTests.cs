using System.Reflection;
using PublicApiGenerator;

namespace Mentor.Api.Tests;

/// <summary>
/// The public surface of each library package, recorded in tests/Mentor.Api.Tests/api/&lt;assembly&gt;.txt: a change to
/// it fails here and shows as a diff in review. After an intended change, regenerate every file with one command:
/// <c>MENTOR_UPDATE_API=1 dotnet test tests/Mentor.Api.Tests -c Release</c>.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages => new() { "Mentor", "Mentor.Training", "Mentor.AspNetCore" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_public_api_matches_its_record(string assemblyName)
    {
        var api = Assembly.Load(assemblyName).GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var record = Path.Combine(RecordFolder(), assemblyName + ".txt");
        if (Environment.GetEnvironmentVariable("MENTOR_UPDATE_API") == "1")
        {
            File.WriteAllText(record, api);
            return;
        }
        Assert.True(File.Exists(record), $"{record} is missing; run MENTOR_UPDATE_API=1 dotnet test tests/Mentor.Api.Tests -c Release");
        var recorded = File.ReadAllText(record).ReplaceLineEndings("\n");
        Assert.True(recorded == api,
            $"the public API of {assemblyName} differs from {record}; if the change is intended, run MENTOR_UPDATE_API=1 dotnet test tests/Mentor.Api.Tests -c Release and commit the diff.\n{Diff(recorded, api)}");
    }

    /// <summary>Lines only in the record (-) and only in the assembly (+).</summary>
    private static string Diff(string recorded, string actual)
    {
        var before = recorded.Split('\n').ToHashSet();
        var after = actual.Split('\n').ToHashSet();
        return string.Join('\n', before.Except(after).Select(l => "- " + l).Concat(after.Except(before).Select(l => "+ " + l)));
    }

    private static string RecordFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "tests", "Mentor.Api.Tests", "api");
            if (Directory.Exists(folder)) return folder;
        }
        throw new DirectoryNotFoundException("tests/Mentor.Api.Tests/api not found above " + AppContext.BaseDirectory);
    }
}
