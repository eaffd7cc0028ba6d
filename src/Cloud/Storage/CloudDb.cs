using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Correlation;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Parts;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla.Timers;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Work;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Storage;

/// <summary>
/// The cloud's data model. Each engine has its own subclass so each keeps its own migrations
/// (SQL differs: partial indexes, timestamp types), while the model is written once here.
/// </summary>
public abstract class CloudDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<ServiceCentre> ServiceCentres => Set<ServiceCentre>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<RegisteredGateway> Gateways => Set<RegisteredGateway>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketOccurrence> Occurrences => Set<TicketOccurrence>();

    public DbSet<RejectedMessage> RejectedMessages => Set<RejectedMessage>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<TicketAuditEntry> TicketAudit => Set<TicketAuditEntry>();

    public DbSet<DeskTimer> DeskTimers => Set<DeskTimer>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Technician> Technicians => Set<Technician>();

    public DbSet<DutyShift> DutyShifts => Set<DutyShift>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<PartUsed> PartsUsed => Set<PartUsed>();

    public DbSet<JobSignature> JobSignatures => Set<JobSignature>();

    public DbSet<UserAccount> Users => Set<UserAccount>();

    public DbSet<MaintenanceContract> Contracts => Set<MaintenanceContract>();

    public DbSet<InventoryDevice> InventoryDevices => Set<InventoryDevice>();

    public DbSet<SiteInventoryState> SiteInventories => Set<SiteInventoryState>();

    public DbSet<InspectionJob> InspectionJobs => Set<InspectionJob>();

    public DbSet<InspectionItem> InspectionItems => Set<InspectionItem>();

    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<Revisit> Revisits => Set<Revisit>();

    public DbSet<PartMove> PartMoves => Set<PartMove>();

    public DbSet<ArchivedReport> ArchivedReports => Set<ArchivedReport>();

    public DbSet<ReportRun> ReportRuns => Set<ReportRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<ServiceCentre>(e =>
        {
            e.Property(c => c.Id).HasMaxLength(64);
            e.Property(c => c.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<Site>(e =>
        {
            e.Property(s => s.Id).HasMaxLength(64);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Customer).HasMaxLength(200);
            e.Property(s => s.Address).HasMaxLength(400);
            e.Property(s => s.ContactPhone).HasMaxLength(40);
            e.Property(s => s.TenantId).HasMaxLength(64);
        });

        modelBuilder.Entity<RegisteredGateway>(e =>
        {
            e.Property(g => g.Id).HasMaxLength(64);
            e.Property(g => g.SiteId).HasMaxLength(64);
            e.Property(g => g.SecretHash).HasMaxLength(200);
            e.HasOne<Site>().WithMany().HasForeignKey(g => g.SiteId);
        });

        modelBuilder.Entity<Ticket>(e =>
        {
            e.Property(t => t.SiteId).HasMaxLength(64);
            e.Property(t => t.DeviceId).HasMaxLength(64);
            e.Property(t => t.Fault).HasMaxLength(64);
            e.Property(t => t.Zone).HasMaxLength(64);
            e.Property(t => t.CentreId).HasMaxLength(64);
            e.Property(t => t.LastGatewayId).HasMaxLength(64);
            e.Property(t => t.DeviceKind).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.Severity).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Site>().WithMany().HasForeignKey(t => t.SiteId);

            // The rule "one open ticket per (site, device, fault)" is the database's to keep,
            // so two cloud nodes racing on the same fault cannot both open one.
            e.HasIndex(t => new { t.SiteId, t.DeviceId, t.Fault })
                .IsUnique()
                .HasFilter("\"ClosedAt\" IS NULL")
                .HasDatabaseName("UX_Tickets_OpenFault");
            e.HasIndex(t => t.ClosedAt);
            e.HasMany(t => t.Occurrences).WithOne().HasForeignKey(o => o.TicketId);
        });

        modelBuilder.Entity<TicketOccurrence>(e =>
        {
            e.Property(o => o.SiteId).HasMaxLength(64);
            e.Property(o => o.DeviceId).HasMaxLength(64);
            e.Property(o => o.Fault).HasMaxLength(64);
            e.Property(o => o.GatewayId).HasMaxLength(64);
            e.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(o => o.EventId).IsUnique();
        });

        modelBuilder.Entity<RejectedMessage>(e =>
        {
            e.Property(r => r.Topic).HasMaxLength(RejectedMessageLimits.TopicChars);
            e.Property(r => r.Reason).HasMaxLength(RejectedMessageLimits.ReasonChars);
            e.Property(r => r.PayloadExcerpt).HasMaxLength(RejectedMessageLimits.ExcerptChars);
            e.HasIndex(r => r.ReceivedAt);
        });

        modelBuilder.Entity<ApiKey>(e =>
        {
            e.Property(k => k.Name).HasMaxLength(100);
            e.Property(k => k.Role).HasMaxLength(32);
            e.Property(k => k.TenantId).HasMaxLength(64);
            e.Property(k => k.KeyHash).HasMaxLength(64);
            e.HasIndex(k => k.KeyHash).IsUnique();
        });

        // Each feature folder keeps the mapping of its own entities in an IEntityTypeConfiguration.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CloudDb).Assembly);
    }
}
