namespace AfterSales.Cloud.Feedback;

/// <summary>A call or visit to the customer after a repair, to check the fix held (回访; docs/service-rules.md §4.4).</summary>
public sealed class Revisit
{
    /// <summary>For EF Core; new revisits come from <see cref="Plan"/>.</summary>
    private Revisit()
    {
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public string SiteId { get; private set; } = string.Empty;

    public RevisitRole Role { get; private set; }

    public DateTimeOffset DueBy { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>A problem found; it goes back to the technician in writing within 24 h.</summary>
    public string? Finding { get; private set; }

    public DateTimeOffset? FindingHandedOverAt { get; private set; }

    /// <summary>Check 1: the repair held (the fault has not come back, the system works).</summary>
    public bool? RepairHeld { get; private set; }

    /// <summary>Check 2: the technician's conduct on site was correct (manners, tidiness, explanations).</summary>
    public bool? ConductOk { get; private set; }

    /// <summary>Check 3: what the customer suggests, in their words.</summary>
    public string? Suggestions { get; private set; }

    /// <summary>Check 4: the charges were as agreed (nothing asked beyond the contract or the quote).</summary>
    public bool? ChargesOk { get; private set; }

    /// <summary>The person revisited, who signed the record.</summary>
    public string? SignerName { get; private set; }

    /// <summary>Their signature as drawn (PNG); never altered once given.</summary>
    public byte[]? Signature { get; private set; }

    /// <summary>Who recorded the revisit.</summary>
    public string? RecordedBy { get; private set; }

    /// <summary>When the technician confirmed he read the finding (docs/service-rules.md §4.4a).</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>A revisit of one repair by someone in <paramref name="role"/>, due by the deadline the rules give.</summary>
    public static Revisit Plan(long ticketId, string siteId, RevisitRole role, DateTimeOffset dueBy) =>
        new() { TicketId = ticketId, SiteId = siteId, Role = role, DueBy = dueBy };

    /// <summary>
    /// The revisit as the form records it: the four checks, the finding (none: the fix held and nothing is owed
    /// to the technician) and the signature of the person revisited. Recorded once; a signed revisit is never changed.
    /// </summary>
    public void Complete(RevisitChecks checks, string signerName, byte[] signature, string recordedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentException.ThrowIfNullOrWhiteSpace(signerName);
        ArgumentNullException.ThrowIfNull(signature);
        if (Signature is not null)
        {
            throw new InvalidOperationException($"Revisit {Id} is signed already; a signed record is never changed.");
        }

        (RepairHeld, ConductOk, ChargesOk) = (checks.RepairHeld, checks.ConductOk, checks.ChargesOk);
        Suggestions = string.IsNullOrWhiteSpace(checks.Suggestions) ? null : checks.Suggestions.Trim();
        (SignerName, Signature, RecordedBy) = (signerName.Trim(), signature, recordedBy);
        Record(checks.Finding, at);
    }

    /// <summary>The finding went to the technician in writing (a message with a link to it).</summary>
    public void HandOver(DateTimeOffset at) => FindingHandedOverAt ??= at;

    /// <summary>The technician confirmed he read the finding; the first confirmation counts.</summary>
    public void Acknowledge(DateTimeOffset at)
    {
        if (FindingHandedOverAt is null)
        {
            throw new InvalidOperationException($"Revisit {Id} has no finding handed over to acknowledge.");
        }

        AcknowledgedAt ??= at;
    }

    /// <summary>The revisit took place (the first record is when); what it found may be written again, and none means the fix held.</summary>
    public void Record(string? finding, DateTimeOffset at)
    {
        DoneAt ??= at;
        Finding = string.IsNullOrWhiteSpace(finding) ? null : finding.Trim();
    }
}
