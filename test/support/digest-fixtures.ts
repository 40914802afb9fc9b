/**
 * Writes plan data straight through Prisma at chosen instants (updates last week, a RAG change on
 * Tuesday, readings over two years), which the services cannot backdate. Everything is tagged
 * with the programme's workspace, as the services would.
 */
import type { Db } from '../../src/db/client.js';
import type { Programme, Workstream } from '../../src/db/generated/sqlite/client.js';
import type { Rag } from '../../src/domain/rag.js';

export class PlanBuilder {
  private nextAction = 1;
  private nextEvent = 1;

  constructor(
    readonly db: Db,
    readonly programme: Programme,
  ) {}

  /** Plan items are set up when the programme was, unless a test says otherwise. */
  private get setUpAt(): Date {
    return this.programme.createdAt;
  }

  private get scope() {
    return { workspaceId: this.programme.workspaceId, programmeId: this.programme.id };
  }

  async person(platformUserId: string, role = 'member'): Promise<number> {
    const where = { workspaceId_platformUserId: { workspaceId: this.programme.workspaceId, platformUserId } };
    return (
      await this.db.person.upsert({
        where,
        create: { ...where.workspaceId_platformUserId, role, createdAt: this.setUpAt },
        update: {},
      })
    ).id;
  }

  async workstream(
    code: string,
    name: string,
    options: { leads?: string[]; rag?: Rag; createdAt?: Date } = {},
  ): Promise<Workstream> {
    const ws = await this.db.workstream.create({
      data: {
        ...this.scope,
        code,
        name,
        rag: options.rag ?? 'not_started',
        createdAt: options.createdAt ?? this.setUpAt,
      },
    });
    for (const lead of options.leads ?? []) {
      await this.db.workstreamLead.create({
        data: { workstreamId: ws.id, personId: await this.person(lead, 'lead'), workspaceId: ws.workspaceId },
      });
    }
    return ws;
  }

  async project(ws: Workstream, name: string, rag: Rag = 'not_started'): Promise<number> {
    return (
      await this.db.project.create({
        data: { workspaceId: ws.workspaceId, workstreamId: ws.id, name, rag, createdAt: this.setUpAt },
      })
    ).id;
  }

  async update(
    ws: Workstream,
    text: string,
    at: Date,
    author: string,
    projectId: number | null = null,
  ): Promise<void> {
    await this.db.update.create({
      data: {
        ...this.scope,
        workstreamId: ws.id,
        projectId,
        authorId: await this.person(author),
        text,
        createdAt: at,
      },
    });
  }

  /** A RAG change with its reason; the workstream (or project) takes the new RAG. */
  async rag(
    ws: Workstream,
    from: Rag,
    to: Rag,
    reason: string,
    at: Date,
    author: string,
    projectId: number | null = null,
  ): Promise<void> {
    await this.db.ragChange.create({
      data: {
        ...this.scope,
        workstreamId: ws.id,
        projectId,
        fromRag: from,
        toRag: to,
        reason,
        authorId: await this.person(author),
        createdAt: at,
      },
    });
    if (projectId)
      await this.db.project.update({ where: { id: projectId }, data: { rag: to, ragChangedAt: at } });
    else await this.db.workstream.update({ where: { id: ws.id }, data: { rag: to, ragChangedAt: at } });
  }

  async action(
    ws: Workstream,
    text: string,
    dueDate: string,
    owner: string,
    options: { status?: string; completedAt?: Date; projectId?: number } = {},
  ): Promise<number> {
    const number = this.nextAction++;
    const ownerId = await this.person(owner);
    await this.db.action.create({
      data: {
        ...this.scope,
        number,
        workstreamId: ws.id,
        projectId: options.projectId ?? null,
        ownerId,
        text,
        dueDate,
        status: options.status ?? 'open',
        completedAt: options.completedAt ?? null,
        createdById: ownerId,
        createdAt: this.setUpAt,
      },
    });
    return number;
  }

  async kpi(
    name: string,
    unit: string,
    direction: 'higher' | 'lower',
    targets: [number, string][],
    readings: [string, number][],
  ): Promise<void> {
    const recordedById = await this.person('U0ADMIN', 'admin');
    const createdAt = this.setUpAt;
    const kpi = await this.db.kpi.create({ data: { ...this.scope, name, unit, direction, createdAt } });
    const workspaceId = this.programme.workspaceId;
    await this.db.kpiTarget.createMany({
      data: targets.map(([value, byDate]) => ({ workspaceId, kpiId: kpi.id, value, byDate })),
    });
    await this.db.kpiReading.createMany({
      data: readings.map(([period, value]) => ({
        workspaceId,
        kpiId: kpi.id,
        value,
        period,
        recordedById,
        createdAt,
      })),
    });
  }

  async event(
    kind: string,
    startDate: string,
    theme: string | null,
    endDate: string | null = null,
    status = 'planned',
  ): Promise<void> {
    const createdById = await this.person('U0ADMIN', 'admin');
    await this.db.event.create({
      data: {
        ...this.scope,
        number: this.nextEvent++,
        kind,
        startDate,
        endDate,
        theme,
        status,
        createdById,
        createdAt: this.setUpAt,
      },
    });
  }
}
