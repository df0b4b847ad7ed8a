using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Mentor.Tests.Deploy;

/// <summary>The cluster files in deploy/: what makes them indexed, idempotent and consistent with the mentor invocation.</summary>
public sealed partial class DeploymentFileTests
{
    [Fact]
    public void The_kubernetes_job_is_indexed_retries_per_index_and_keeps_shards_on_a_shared_volume_and_the_cache_on_an_emptydir()
    {
        var job = Load("deploy/kubernetes/extract-job.yaml");
        var spec = Map(job, "spec");
        var pod = Map(Map(spec, "template"), "spec");
        var container = (YamlMappingNode)Sequence(pod, "containers").Single();
        var args = Sequence(container, "args").Select(a => ((YamlScalarNode)a).Value!).ToList();
        var mounts = Sequence(container, "volumeMounts").Cast<YamlMappingNode>().ToDictionary(m => Scalar(m, "mountPath"), m => Scalar(m, "name"));
        var volumes = Sequence(pod, "volumes").Cast<YamlMappingNode>().ToDictionary(v => Scalar(v, "name"));

        Assert.Equal(("batch/v1", "Job"), (Scalar(job, "apiVersion"), Scalar(job, "kind")));
        Assert.Equal("Indexed", Scalar(spec, "completionMode"));
        var completions = int.Parse(Scalar(spec, "completions"));
        Assert.InRange(int.Parse(Scalar(spec, "parallelism")), 1, completions);
        Assert.True(int.Parse(Scalar(spec, "backoffLimitPerIndex")) >= 1);
        Assert.Equal("Never", Scalar(pod, "restartPolicy"));

        Assert.Equal(["extract", "--shard", "auto", "--shards", $"{completions}"], [args[0], .. args.Skip(2).Take(4)]);
        Assert.True(volumes[mounts[Mount(args[args.IndexOf("-o") + 1], mounts)]].Children.ContainsKey("persistentVolumeClaim"));
        Assert.True(volumes[mounts[Mount(args[args.IndexOf("--cache") + 1], mounts)]].Children.ContainsKey("emptyDir"));
        Assert.Equal(Mount(args[1], mounts), Mount(args[args.IndexOf("-o") + 1], mounts));
    }

    [Fact]
    public void The_slurm_script_is_an_array_with_a_concurrency_limit_whose_size_is_the_shard_count()
    {
        var script = File.ReadAllLines(RepositoryFile("deploy/slurm/extract.sbatch"));

        var array = ArrayLine().Match(script.Single(l => l.StartsWith("#SBATCH --array=", StringComparison.Ordinal)));
        var invocation = script.Single(l => l.Contains("mentor extract", StringComparison.Ordinal));

        Assert.True(array.Success);
        Assert.Equal(0, int.Parse(array.Groups["first"].Value));
        var shards = int.Parse(array.Groups["last"].Value) + 1;
        Assert.InRange(int.Parse(array.Groups["concurrency"].Value), 1, shards);
        Assert.Contains($"--shard auto --shards {shards} -o ", invocation);
        Assert.Contains("--cache ", invocation);
        Assert.StartsWith("srun mentor extract", invocation);
    }

    [GeneratedRegex(@"^#SBATCH --array=(?<first>\d+)-(?<last>\d+)%(?<concurrency>\d+)$")]
    private static partial Regex ArrayLine();

    // The mount a path lives on (the longest mount path that prefixes it).
    private static string Mount(string path, Dictionary<string, string> mounts) =>
        mounts.Keys.Where(m => path == m || path.StartsWith(m + "/", StringComparison.Ordinal)).MaxBy(m => m.Length)
        ?? throw new Xunit.Sdk.XunitException($"{path} is on no mounted volume");

    private static YamlMappingNode Load(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(RepositoryFile(relative));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static YamlSequenceNode Sequence(YamlMappingNode node, string key) => (YamlSequenceNode)node[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
