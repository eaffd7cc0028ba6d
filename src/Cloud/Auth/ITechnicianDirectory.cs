namespace AfterSales.Cloud.Auth;

/// <summary>
/// Which technicians a company has, asked when an admin links a user to a technician. Implemented by
/// the Dispatch module, which owns technicians and sits above this one.
/// </summary>
public interface ITechnicianDirectory
{
    Task<bool> IsOwnAsync(string tenantId, string technicianId, CancellationToken cancellationToken);
}
