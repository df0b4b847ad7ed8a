namespace Mentor.Studio.Projects;

/// <summary>
/// A studio project: a plain folder of class folders (<c>root/&lt;class&gt;/photo.jpg</c>, what every mentor command reads)
/// and a hidden <c>.mentor-studio</c> folder for the studio's own files (state, thumbnails, the model, removed photos).
/// Every change runs under one lock per project, so that two browser tabs never interleave edits; every photo is
/// written to a temporary file, flushed to disk and renamed before the change returns; removed photos and classes are
/// moved to <c>.mentor-studio/trash</c>, never deleted. Names are checked by <see cref="SafeName"/> first.
/// </summary>
public sealed class StudioProject : IDisposable
{
    /// <summary>The hidden folder (skipped by dataset readers) holding the studio's files.</summary>
    public const string StudioFolderName = ".mentor-studio";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private long _version;

    private StudioProject(string root)
    {
        Root = root;
        Directory.CreateDirectory(StudioFolder);
        State = new ProjectStateFile(Path.Combine(StudioFolder, "state.json"));
    }

    /// <summary>The project folder, absolute.</summary>
    public string Root { get; }

    public string StudioFolder => Path.Combine(Root, StudioFolderName);

    public ProjectStateFile State { get; }

    /// <summary>Grows with every change to classes or photos (pages compare it to know when to reload).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Raised after photos are added or moved, with their full paths (the background featuriser listens).</summary>
    public event Action<IReadOnlyList<string>>? PhotosArrived;

    /// <summary>Opens <paramref name="root"/>, creating it when missing; an existing dataset folder opens as it is.</summary>
    public static StudioProject Open(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var full = Path.GetFullPath(root);
        if (File.Exists(full)) throw new MentorException($"{root}: is a file; pass a folder (new or holding one sub-folder per class).");
        Directory.CreateDirectory(full);
        return new StudioProject(full);
    }

    public IReadOnlyList<ClassInfo> Classes() =>
        [.. ClassFolders().Select(d => new ClassInfo(Path.GetFileName(d), ListPhotos(d).Count))];

    /// <summary>The photos of <paramref name="className"/>, by name in ordinal order.</summary>
    public IReadOnlyList<string> Photos(string className) => ListPhotos(ExistingClass(className));

    /// <summary>The full path of an existing photo (404 when missing).</summary>
    public string PhotoPath(string className, string name)
    {
        var path = Path.Combine(ExistingClass(className), SafeName.Check(name, "photo"));
        return File.Exists(path) ? path : throw StudioException.NotFound($"no photo '{name}' in class '{className}'; reload the page");
    }

    public Task CreateClassAsync(string name) => ChangeAsync(() =>
    {
        var path = ClassPath(SafeName.Check(name, "class"));
        if (Directory.Exists(path)) throw StudioException.Conflict("name_taken", $"class '{name}' already exists; choose another name");
        Directory.CreateDirectory(path);
    });

    public Task RenameClassAsync(string from, string to) => ChangeAsync(() =>
    {
        var source = ExistingClass(from);
        var target = ClassPath(SafeName.Check(to, "class"));
        if (Directory.Exists(target) || File.Exists(target)) throw StudioException.Conflict("name_taken", $"class '{to}' already exists; choose another name");
        Directory.Move(source, target);
        PhotosArrived?.Invoke(ListPhotos(target));
    });

    /// <summary>Moves the class folder, photos and all, to the trash.</summary>
    public Task DeleteClassAsync(string name) => ChangeAsync(() => Directory.Move(ExistingClass(name), TrashPath(name)));

    /// <summary>Writes <paramref name="photos"/> into the class (a taken name gets a numbered one) and returns the names given.</summary>
    public async Task<IReadOnlyList<string>> AddPhotosAsync(string className, IReadOnlyList<NewPhoto> photos)
    {
        ArgumentNullException.ThrowIfNull(photos);
        foreach (var photo in photos) SafeName.Check(photo.Name, "photo");
        var written = new List<string>();
        await ChangeAsync(() =>
        {
            var folder = ExistingClass(className);
            foreach (var photo in photos)
            {
                var path = FreePath(folder, photo.Name);
                AtomicFile.Write(path, s => s.Write(photo.Bytes)); // flushed to disk and renamed before we answer
                written.Add(path);
            }
        }).ConfigureAwait(false);
        PhotosArrived?.Invoke(written);
        return [.. written.Select(w => Path.GetFileName(w))];
    }

    public Task DeletePhotoAsync(string className, string name) => ChangeAsync(() => File.Move(PhotoPath(className, name), TrashPath(name)));

    /// <summary>Moves a photo to another class (renamed when the name is taken there) and returns its new name.</summary>
    public async Task<string> MovePhotoAsync(string className, string name, string toClass)
    {
        var moved = "";
        await ChangeAsync(() =>
        {
            var source = PhotoPath(className, name);
            var target = FreePath(ExistingClass(toClass), name);
            File.Move(source, target);
            moved = target;
        }).ConfigureAwait(false);
        PhotosArrived?.Invoke([moved]);
        return Path.GetFileName(moved);
    }

    /// <summary>Runs <paramref name="change"/> alone (one change at a time per project).</summary>
    private async Task ChangeAsync(Action change)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            change();
            Interlocked.Increment(ref _version);
        }
        finally
        {
            _lock.Release();
        }
    }

    private IEnumerable<string> ClassFolders() =>
        Directory.EnumerateDirectories(Root).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal);

    private string ClassPath(string name) => Path.Combine(Root, name);

    private string ExistingClass(string name)
    {
        var path = ClassPath(SafeName.Check(name, "class"));
        return Directory.Exists(path) ? path : throw StudioException.NotFound($"no class '{name}' in this project; reload the page");
    }

    private static List<string> ListPhotos(string folder) =>
        [.. Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)];

    // "photo.jpg", then "photo-2.jpg", "photo-3.jpg"...
    private static string FreePath(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        for (var n = 2; File.Exists(path) || Directory.Exists(path); n++)
            path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}-{n}{Path.GetExtension(name)}");
        return path;
    }

    private string TrashPath(string name)
    {
        var folder = Path.Combine(StudioFolder, "trash", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fffffff", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public void Dispose() => _lock.Dispose();
}
