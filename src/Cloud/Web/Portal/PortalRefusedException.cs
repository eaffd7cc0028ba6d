namespace AfterSales.Cloud.Web.Portal;

/// <summary>What the customer sent cannot be taken as it is; every problem is listed and nothing is stored.</summary>
internal sealed class PortalRefusedException : Exception
{
    public PortalRefusedException()
    {
    }

    public PortalRefusedException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public PortalRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public PortalRefusedException(IReadOnlyList<string> problems)
        : base(string.Join(" ", problems)) => Problems = problems;

    public IReadOnlyList<string> Problems { get; } = [];
}
