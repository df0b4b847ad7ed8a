using System.Globalization;

namespace Mentor.Training.Heads;

/// <summary>Reads a head kind's own setting back from the text its fit reported (<see cref="FittedHead.Chosen"/>, <c>name=value</c>).</summary>
internal static class KnownSettings
{
    /// <summary>The value of <paramref name="name"/> in <paramref name="setting"/>; null when there is no setting.</summary>
    /// <exception cref="ArgumentException">The setting is not <c>name=</c> a positive number.</exception>
    public static double? Number(string? setting, string name)
    {
        if (setting is null) return null;
        var prefix = name + "=";
        if (setting.StartsWith(prefix, StringComparison.Ordinal)
            && double.TryParse(setting.AsSpan(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value > 0 && double.IsFinite(value))
            return value;
        throw new ArgumentException($"the head setting '{setting}' is not {name}=<positive number>, which this head kind expects", nameof(setting));
    }
}
