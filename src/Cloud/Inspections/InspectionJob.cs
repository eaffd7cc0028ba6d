namespace AfterSales.Cloud.Inspections;

/// <summary>
/// One site's inspection for one month (月检): the checklist a technician works through on site.
/// Once completed, its results never change: the sheet is what the customer signed
/// (docs/service-rules.md §3.1).
/// </summary>
public sealed class InspectionJob
{
    /// <summary>For EF Core; new inspections come from <see cref="Plan"/>.</summary>
    private InspectionJob()
    {
    }

    public long Id { get; private set; }

    public string SiteId { get; private set; } = string.Empty;

    /// <summary>The first day of the month inspected.</summary>
    public DateOnly Month { get; private set; }

    /// <summary>The technician's id in the service desk (no foreign key: technicians live there).</summary>
    public string? TechnicianId { get; private set; }

    public DateOnly ScheduledFor { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? Remarks { get; private set; }

    /// <summary>When the customer's contact was reminded of the visit, two weeks ahead (docs/service-rules.md §3.4); once per visit.</summary>
    public DateTimeOffset? ReminderSentAt { get; private set; }

    /// <summary>The name of the customer's person who signed the completed sheet (docs/service-rules.md §3.1a).</summary>
    public string? SignerName { get; private set; }

    /// <summary>Their signature as drawn on the technician's phone, as PNG; once stored, never replaced.</summary>
    public byte[]? Signature { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    /// <summary>The account of the technician who collected the signature.</summary>
    public string? SignatureCollectedBy { get; private set; }

    public List<InspectionItem> Items { get; } = [];

    /// <summary>An inspection booked for a day of the month, with or without a technician yet.</summary>
    public static InspectionJob Plan(string siteId, DateOnly month, string? technicianId, DateOnly scheduledFor, DateTimeOffset createdAt) =>
        new() { SiteId = siteId, Month = month, TechnicianId = technicianId, ScheduledFor = scheduledFor, CreatedAt = createdAt };

    /// <summary>The customer was reminded; a visit is reminded once.</summary>
    public void Reminded(DateTimeOffset at) => ReminderSentAt ??= at;

    /// <summary>Records one item's result; the first result recorded starts the inspection. Returns the item.</summary>
    public InspectionItem Record(long itemId, ItemResult result, string? note, DateTimeOffset at)
    {
        if (CompletedAt is not null)
        {
            throw new InspectionException("This inspection is completed; its results can no longer change.");
        }

        var item = Items.Find(i => i.Id == itemId) ?? throw new InspectionException($"Item {itemId} is not on inspection {Id}.");
        StartedAt ??= at;
        (item.Result, item.Note, item.CheckedAt) = (result, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), at);
        return item;
    }

    /// <summary>
    /// Completes the inspection once every item is checked; the remarks may be rewritten, the
    /// completion time stays the first. Returns whether this was the first completion.
    /// </summary>
    public bool Complete(string? remarks, DateTimeOffset at)
    {
        var pending = Items.Count(i => i.Result == ItemResult.Pending);
        if (pending > 0)
        {
            throw new InspectionException($"{pending} items are not checked yet.");
        }

        if (Signature is not null)
        {
            throw new InspectionException("The customer has signed this inspection; its record can no longer change.");
        }

        var first = CompletedAt is null;
        CompletedAt ??= at;
        Remarks = remarks;
        return first;
    }

    /// <summary>
    /// The customer signs the completed sheet, like the job sheet: once, and the signed record never changes
    /// (docs/service-rules.md §3.1a).
    /// </summary>
    public void Sign(string signerName, byte[] png, string collectedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (CompletedAt is null)
        {
            throw new InspectionException("Check every item and complete the inspection before the customer signs.");
        }

        if (Signature is not null)
        {
            throw new InspectionException("The customer has signed this inspection already; a signed record is never changed.");
        }

        if (string.IsNullOrWhiteSpace(signerName))
        {
            throw new InspectionException("Write the name of the person who signs.");
        }

        if (signerName.Trim().Length > MaxSignerName)
        {
            throw new InspectionException($"A name is limited to {MaxSignerName} characters.");
        }

        if (png.Length == 0 || png.Length > MaxSignatureBytes)
        {
            throw new InspectionException("The signature is empty or too large; please sign again.");
        }

        (SignerName, Signature, SignatureCollectedBy, SignedAt) = (signerName.Trim(), png, collectedBy, at);
    }

    /// <summary>The length the sheet keeps (<c>InspectionConfiguration</c>).</summary>
    public const int MaxSignerName = 200;

    /// <summary>A drawn signature on a phone's canvas is a few tens of kB; more is not a signature.</summary>
    public const int MaxSignatureBytes = 512 * 1024;
}
