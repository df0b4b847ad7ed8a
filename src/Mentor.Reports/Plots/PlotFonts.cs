using SkiaSharp;

namespace Mentor.Reports.Plots;

/// <summary>
/// Makes sure ScottPlot has a font to draw text with. The SkiaSharp native build Mentor ships on Linux
/// (<c>NoDependencies</c>, without fontconfig) sees no system fonts, so every label would silently be blank;
/// there a sans-serif TrueType file is registered from the usual font folders.
/// </summary>
internal static class PlotFonts
{
    private const string Family = "DejaVu Sans";

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
        ("/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf", "/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf"),
    ];

    private static readonly Lazy<bool> Registered = new(Register);

    /// <summary>Registers a font once per process; throws when text could not be drawn.</summary>
    /// <exception cref="MentorException">No system font is visible and no known font file exists.</exception>
    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        // Windows, macOS and fontconfig builds list the system fonts and ScottPlot picks one itself.
        // The font manager without fontconfig lists one family with an empty name.
        if (!string.IsNullOrEmpty(ScottPlot.Fonts.Default) && SKFontManager.Default.FontFamilies.Any(f => f.Length > 0)) return true;

        var (regular, bold) = Candidates.FirstOrDefault(c => File.Exists(c.Regular));
        if (regular is null)
            throw new MentorException(
                "no font to draw plot labels with: SkiaSharp sees no system fonts here and none of "
                + string.Join(", ", Candidates.Select(c => c.Regular))
                + " exists; install one (Debian/Ubuntu: apt-get install fonts-dejavu-core)");
        ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, File.Exists(bold) ? bold : regular, bold: true, italic: false);
        ScottPlot.Fonts.Default = Family;
        ScottPlot.Fonts.Sans = Family;
        return true;
    }
}
