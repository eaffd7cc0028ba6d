using System.Diagnostics.CodeAnalysis;

namespace AfterSales.Protocol.Panels;

/// <summary>
/// What one panel frame says: whether it is well formed, the reason when it is not, its fields
/// in wire order (so a CLI can print them as a JSON object), and the maintenance faults it implies.
/// </summary>
public sealed class PanelDecodeResult
{
    private static readonly IReadOnlyList<PanelFault> NoFaults = [];

    private PanelDecodeResult(bool valid, string? error, IReadOnlyList<KeyValuePair<string, string>> fields, IReadOnlyList<PanelFault> faults)
    {
        Valid = valid;
        Error = error;
        Fields = fields;
        Faults = faults;
    }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Valid { get; }

    public string? Error { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    public IReadOnlyList<PanelFault> Faults { get; }

    public static PanelDecodeResult Ok(PanelFields fields, IReadOnlyList<PanelFault>? faults = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new(true, null, fields.ToList(), faults ?? NoFaults);
    }

    /// <summary>An invalid frame keeps the fields read before the problem was found; they help a technician.</summary>
    public static PanelDecodeResult Invalid(string error, PanelFields? fields = null) =>
        new(false, error, fields?.ToList() ?? [], NoFaults);

    /// <summary>The value of the first field with this name, or null.</summary>
    public string? Field(string name)
    {
        foreach (var pair in Fields)
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }
}
