using System.CommandLine;
using System.Text.Json;
using Mentor.Backbones;

namespace Mentor.Cli.Commands;

/// <summary>
/// <c>mentor backbones</c>: the built-in backbones with their specs; <c>mentor backbones inspect &lt;model.onnx|spec.json&gt; [-o spec.json]</c>:
/// what is detected in a file and why, and a spec to edit.
/// </summary>
internal static class BackbonesCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CommandContext context)
    {
        var command = new Command("backbones", "List the built-in backbones with their specs; 'inspect' shows what Mentor reads from an ONNX or spec file")
        {
            CreateInspect(context),
        };
        command.SetAction(async (_, _) =>
        {
            foreach (var name in BackboneRegistry.Names)
            {
                var spec = BackboneRegistry.Get(name);
                await context.Out.WriteLineAsync($"{spec.Name}: {spec.Description}").ConfigureAwait(false);
                await context.Out.WriteLineAsync(BackboneSpecFile.ToJson(spec).ToJsonString(Indented)).ConfigureAwait(false);
            }
            return MentorApp.Ok;
        });
        return command;
    }

    private static Command CreateInspect(CommandContext context)
    {
        var file = new Argument<string>("file") { Description = "An ONNX model (a backbone or a Mentor model file), a spec .json, or a built-in name" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the spec to this .json file, to edit and pass to --backbone" };
        var command = new Command("inspect", "Print what Mentor detects in a backbone file and why; -o writes it as a spec file") { file, output };
        command.SetAction(async (parse, _) =>
        {
            var resolved = BackboneResolver.Resolve(parse.GetValue(file)!);
            foreach (var finding in resolved.Findings) await context.Out.WriteLineAsync(finding).ConfigureAwait(false);
            foreach (var assumption in resolved.Assumptions) await context.Out.WriteLineAsync($"assumed: {assumption}").ConfigureAwait(false);
            // Preparing the graph probes the feature's shape: D and the pool in force are then known.
            var model = PreparedModels.GetOrCreate(resolved.Spec);
            using (var backbone = Backbone.Load(resolved.Spec))
                await context.Out.WriteLineAsync($"features: {backbone.FeatureSize} per image ({model.Path})").ConfigureAwait(false);
            if (parse.GetValue(output)?.FullName is { } path)
            {
                BackboneSpecFile.Write(resolved.Spec, path);
                await context.Out.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteLineAsync(BackboneSpecFile.ToJson(resolved.Spec).ToJsonString(Indented)).ConfigureAwait(false);
            }
            return MentorApp.Ok;
        });
        return command;
    }
}
