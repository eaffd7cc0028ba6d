using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartMove",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PartNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartMove", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RejectedMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PayloadExcerpt = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RejectedMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportRun",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HeartbeatAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRun", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceCentres",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceCentres", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Customer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    ContractArrivalHours = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArchivedReport",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GeneratedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    EmailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailedTo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchivedReport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArchivedReport_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Complaint",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TechnicianId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ServiceAtFault = table.Column<bool>(type: "INTEGER", nullable: false),
                    Serious = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswerDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolveDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Fix = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaint_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Gateways",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Gateways", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Gateways_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionJob",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TechnicianId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ScheduledFor = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionJob", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionJob_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InventoryDevice",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Serial = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InstalledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WarrantyUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MainPartsWarrantyUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryDevice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InventoryDevice_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceContract",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InspectEveryMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgeMinutes = table.Column<double>(type: "REAL", nullable: true),
                    ArrivalHours = table.Column<double>(type: "REAL", nullable: true),
                    RepairHours = table.Column<double>(type: "REAL", nullable: true),
                    ContactEmails = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExpiryNoticeSentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceContract", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaintenanceContract_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Revisit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DueBy = table.Column<long>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FindingHandedOverAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Revisit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Revisit_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SiteInventoryState",
                columns: table => new
                {
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConfigVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HeartbeatIntervalS = table.Column<int>(type: "INTEGER", nullable: false),
                    ClockDriftToleranceS = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteInventoryState", x => x.SiteId);
                    table.ForeignKey(
                        name: "FK_SiteInventoryState_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Survey",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TechnicianId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    InspectionJobId = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attitude = table.Column<int>(type: "INTEGER", nullable: true),
                    Skill = table.Column<int>(type: "INTEGER", nullable: true),
                    ArrivalTime = table.Column<int>(type: "INTEGER", nullable: true),
                    KeepingPromises = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Survey", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Survey_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Tickets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeviceKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Fault = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RestoredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CentreId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DistanceKm = table.Column<double>(type: "REAL", nullable: true),
                    ArrivalDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NeedsHuman = table.Column<bool>(type: "INTEGER", nullable: false),
                    RaiseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    LastGatewayId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tickets_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionItem",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Check = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Prefill = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Flagged = table.Column<bool>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionItem_InspectionJob_JobId",
                        column: x => x.JobId,
                        principalTable: "InspectionJob",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Occurrences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Fault = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GatewayId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Stale = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Occurrences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Occurrences_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_KeyHash",
                table: "ApiKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedReport_SiteId_Kind_Period",
                table: "ArchivedReport",
                columns: new[] { "SiteId", "Kind", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaint_Number",
                table: "Complaint",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaint_SiteId",
                table: "Complaint",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Gateways_SiteId",
                table: "Gateways",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionItem_JobId",
                table: "InspectionItem",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionJob_SiteId_Month",
                table: "InspectionJob",
                columns: new[] { "SiteId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionJob_TechnicianId_ScheduledFor",
                table: "InspectionJob",
                columns: new[] { "TechnicianId", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_InventoryDevice_SiteId_DeviceId",
                table: "InventoryDevice",
                columns: new[] { "SiteId", "DeviceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceContract_Number",
                table: "MaintenanceContract",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceContract_SiteId_EndsOn",
                table: "MaintenanceContract",
                columns: new[] { "SiteId", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_EventId",
                table: "Occurrences",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_TicketId",
                table: "Occurrences",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_PartMove_PartNumber",
                table: "PartMove",
                column: "PartNumber");

            migrationBuilder.CreateIndex(
                name: "IX_PartMove_TicketId",
                table: "PartMove",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_RejectedMessages_ReceivedAt",
                table: "RejectedMessages",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRun_Kind_Period",
                table: "ReportRun",
                columns: new[] { "Kind", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Revisit_SiteId",
                table: "Revisit",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Revisit_TicketId_Role",
                table: "Revisit",
                columns: new[] { "TicketId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Survey_SiteId",
                table: "Survey",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Survey_Token",
                table: "Survey",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ClosedAt",
                table: "Tickets",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "UX_Tickets_OpenFault",
                table: "Tickets",
                columns: new[] { "SiteId", "DeviceId", "Fault" },
                unique: true,
                filter: "\"ClosedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "ArchivedReport");

            migrationBuilder.DropTable(
                name: "Complaint");

            migrationBuilder.DropTable(
                name: "Gateways");

            migrationBuilder.DropTable(
                name: "InspectionItem");

            migrationBuilder.DropTable(
                name: "InventoryDevice");

            migrationBuilder.DropTable(
                name: "MaintenanceContract");

            migrationBuilder.DropTable(
                name: "Occurrences");

            migrationBuilder.DropTable(
                name: "PartMove");

            migrationBuilder.DropTable(
                name: "RejectedMessages");

            migrationBuilder.DropTable(
                name: "ReportRun");

            migrationBuilder.DropTable(
                name: "Revisit");

            migrationBuilder.DropTable(
                name: "ServiceCentres");

            migrationBuilder.DropTable(
                name: "SiteInventoryState");

            migrationBuilder.DropTable(
                name: "Survey");

            migrationBuilder.DropTable(
                name: "InspectionJob");

            migrationBuilder.DropTable(
                name: "Tickets");

            migrationBuilder.DropTable(
                name: "Sites");
        }
    }
}
