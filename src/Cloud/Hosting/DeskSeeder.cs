using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Hosting;

/// <summary>Seeds the service desk's people: technicians, their duty shifts, and user accounts.</summary>
internal static class DeskSeeder
{
    public static async Task ApplyAsync(CloudDb db, SeedOptions seed, CancellationToken cancellationToken)
    {
        foreach (var technician in seed.Technicians)
        {
            Require(!string.IsNullOrWhiteSpace(technician.Id), "Seed:Technicians: every technician needs an Id");
            var unknown = Skills.Parse(technician.Skills).Except(Skills.All).ToList();
            Require(unknown.Count == 0, $"Seed:Technicians: '{technician.Id}' has unknown skills {string.Join(", ", unknown)}; use alarm, cctv, ptz, power, cabling");
            // Bootstrap only: a technician that exists keeps what the admin made of them.
            if (await db.Technicians.FindAsync([technician.Id], cancellationToken) is null)
            {
                db.Technicians.Add(technician);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var shift in seed.DutyShifts)
        {
            Require(shift.End > shift.Start, $"Seed:DutyShifts: the shift of '{shift.TechnicianId}' from {shift.Start:u} ends before it starts");
            Require(await db.Technicians.AnyAsync(t => t.Id == shift.TechnicianId, cancellationToken), $"Seed:DutyShifts: unknown technician '{shift.TechnicianId}'");
            // Stored as UTC: SQLite compares timestamps as numbers, which only orders correctly at one offset.
            var (start, end) = (shift.Start.ToUniversalTime(), shift.End.ToUniversalTime());
            var existing = await db.DutyShifts.SingleOrDefaultAsync(s => s.TechnicianId == shift.TechnicianId && s.Start == start, cancellationToken);
            if (existing is null)
            {
                db.DutyShifts.Add(new DutyShift { TechnicianId = shift.TechnicianId, Start = start, End = end, Kind = shift.Kind });
            }
        }

        foreach (var user in seed.Users)
        {
            Require(!string.IsNullOrWhiteSpace(user.UserName), "Seed:Users: every user needs a UserName");
            Require(ApiKeyRoles.IsKnown(user.Role), $"Seed:Users: '{user.UserName}' has role '{user.Role}'; use one of {string.Join(", ", ApiKeyRoles.All)}");
            Require(UserAccountRules.IsStrongEnough(user.Password), $"Seed:Users: '{user.UserName}' password is shorter than {UserAccountRules.MinPasswordLength} characters");
            Require(user.Role != ApiKeyRoles.Technician || user.TechnicianId is not null, $"Seed:Users: technician user '{user.UserName}' needs a TechnicianId");
            Require(user.Role != ApiKeyRoles.Customer || user.Customer is not null, $"Seed:Users: customer user '{user.UserName}' needs a Customer");
            // Created once with the seed's password; a password, role or lock set later is never reset at a start.
            if (await db.Users.AnyAsync(u => u.UserName == user.UserName, cancellationToken))
            {
                continue;
            }

            var account = new UserAccount { UserName = user.UserName, DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName : user.DisplayName, PasswordHash = string.Empty, Role = user.Role };
            account.Grant(user.Role, user.TenantId, user.TechnicianId, user.Customer);
            account.SetPasswordHash(UserStore.Hash(account, user.Password));
            db.Users.Add(account);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
