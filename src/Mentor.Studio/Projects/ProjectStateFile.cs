using System.Text.Json;

namespace Mentor.Studio.Projects;

/// <summary>Reads and atomically writes <c>.mentor-studio/state.json</c>; a missing file is a fresh project.</summary>
public sealed class ProjectStateFile(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock _lock = new();

    public string Path { get; } = path;

    public ProjectState Read()
    {
        lock (_lock)
        {
            if (!File.Exists(Path)) return new ProjectState();
            ProjectState? state;
            try
            {
                state = JsonSerializer.Deserialize<ProjectState>(File.ReadAllBytes(Path), Json);
            }
            catch (JsonException e)
            {
                throw new MentorException($"{Path}: not a studio state file ({e.Message}); delete it to start the project's state afresh (photos are kept).");
            }
            if (state is null || state.Format > ProjectState.CurrentFormat)
                throw new MentorException($"{Path}: written by a newer Mentor (format {state?.Format}); update Mentor or delete the file (photos are kept).");
            return state;
        }
    }

    public void Write(ProjectState state)
    {
        lock (_lock)
            AtomicFile.Write(Path, s => JsonSerializer.Serialize(s, state, Json));
    }
}
