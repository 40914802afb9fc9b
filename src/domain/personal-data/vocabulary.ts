/**
 * Words that are not names. A capitalised word is read as a possible name unless it is here:
 * programme vocabulary ('Improvement Board'), roles, places councils mention, and the words
 * sentences start with. Lower-case words are never names unless they are common first names.
 */

// Function words: a name or a street is never made of them.
const STOP_WORDS = words(`a an the and or but of to in on at by for from with into onto over under
  per cent is are was were be been being has have had do does did not no yes this that these those
  it its he she they we i you his her their our my your them him us me all any some each every
  few more most many much other such own same so than too very can will just should now then also
  only still as if when while where which who whom whose what why how about after before between
  during through up down out off again further once here there both either neither nor`);

const PROGRAMME_WORDS = words(`jan feb mar apr may jun jul aug sep sept oct nov dec january february
  march april june july august september october november december monday tuesday wednesday
  thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun today yesterday tomorrow
  due deadline date dated completed complete closed opened started agreed signed approved
  board panel meeting meetings hall house centre center team teams service services practice
  workforce review reviews visit visits audit audits ofsted council councils county city borough
  children childrens child care leavers improvement improve plan plans strategy policy training
  session sessions report reports letter inspection monitoring focused action actions project
  projects workstream workstreams priority priorities outcome outcomes cabinet scrutiny overview
  commissioner adviser advisor director sprint week weeks quarter phase stage version draft update
  updates deliver make provide focus listen support develop commitment continuous right time
  decisions voice good permanency earlier access safeguarding partnership front door hub court
  school schools police health launch live go bank holiday christmas easter term forum conference
  duty assessment assessments protection need needs family families hubs social worker workers
  manager managers head heads lead leads officer officers practitioners staff agency recruitment
  starters new first early help edge youth justice fostering adoption homes home placement
  placements parenting corporate virtual independent chair chairs members member partners
  programme programmes group groups network steering local authority authorities trust regional
  national red amber green rag kpi kpis target targets dcs adcs dfe nhs icb mash cin cp lac cla cic
  icpc rcpc sgo plo ehm lcs ilacs sif sip asye asyes ascr iro iros dsl dsls sendco send ehcp ehcps
  cse cce pru ofsted's council's members' dip sample sampling tracking case cases caseload
  caseloads contacts referrals referral threshold thresholds timeliness performance data dashboard
  scorecard quality assurance qa framework toolkit model pilot pilots recruitment retention
  vacancy vacancies interim permanent locum locums budget finance funding grant grants business
  operations principal senior deputy assistant executive chief cllr councillor lead member mayor
  minister secretary state department education government dfe's ofsted's commissioner's room
  floor level wing block building annex suite office offices portal system systems mosaic
  liquidlogic eclipse carefirst azeus teams zoom outlook sharepoint excel word powerpoint
  appendix annex paper papers minutes agenda item items chair's notes note risk risks issue
  issues register log tracker plan's next last week's month month's year year's academy primary
  secondary college university nursery virtual-school sen lado csc csc's ssc ssw cpd
  leadership management governance accountability escalation escalations exception exceptions
  summary highlight highlights headline headlines recommendation recommendations response
  responses progress position status strategic operational tactical transformation change
  delivery recovery resilience wellbeing sickness absence turnover stability sufficiency
  commissioning market residential semi-independent supported accommodation housing benefits
  family-hubs start well healthy lives work together working together statutory guidance
  agreed approved noted discussed reviewed considered escalated confirmed received submitted
  published shared circulated presented visited met spoke attended chaired led owned owner owners
  thanks thank please note welcome well done great positive concern concerns query queries
  north south east west central mid upper lower greater inner outer ward wards district
  matters counts together pathway pathways charter pledge promise offer standards standard
  boys girls pupils students babies toddlers teenagers adults parents carers siblings cohort
  cohorts people persons individuals residents learners clients cases`);

// Places programme text names: councils, towns, regions. Not exhaustive; a miss only means a
// place beside a date of birth is read as a name, which errs towards refusing.
const PLACES = words(`england wales scotland britain uk london leeds worcester worcestershire
  birmingham hereford herefordshire redditch bromsgrove kidderminster malvern wychavon wyre forest
  manchester bristol sheffield doncaster rotherham barnsley hull kent essex surrey norfolk suffolk
  devon cornwall dorset somerset sandwell dudley walsall wolverhampton coventry warwickshire
  staffordshire shropshire telford derby derbyshire nottingham nottinghamshire leicester
  leicestershire lincolnshire lincoln bradford kirklees wakefield calderdale liverpool wirral sefton
  knowsley salford stockport tameside oldham rochdale bolton wigan trafford bury cumbria
  northumberland newcastle sunderland durham gateshead middlesbrough hartlepool stockton york
  harrogate croydon lambeth southwark hackney haringey newham barnet enfield bromley bexley sutton
  merton kingston richmond hounslow ealing brent harrow hillingdon slough reading oxford
  oxfordshire cambridge cambridgeshire peterborough luton bedford swindon wiltshire gloucestershire
  gloucester plymouth torbay portsmouth southampton hampshire brighton sussex medway thurrock
  southend hertfordshire buckinghamshire northamptonshire northampton stoke cheshire warrington
  halton blackpool blackburn lancashire cumberland westmorland solihull warwick nuneaton rugby
  stratford evesham pershore droitwich tenbury ledbury leominster ross cardiff swansea newport
  midlands yorkshire humber tees tyne wear mersey thames severn westminster camden islington
  greenwich lewisham wandsworth havering redbridge waltham barking dagenham tower hamlets`);

const ALL = new Set([...STOP_WORDS, ...PROGRAMME_WORDS, ...PLACES]);
const STOP = new Set(STOP_WORDS);

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

const bare = (word: string): string => word.toLowerCase().replace(/'s$|s'$/, (s) => (s === "s'" ? 's' : ''));

/** True for programme vocabulary, places and function words: not a name. */
export function isVocabulary(word: string): boolean {
  const lower = word.toLowerCase();
  return ALL.has(lower) || ALL.has(bare(lower));
}

/** True for function words ('the', 'on', 'per'). */
export function isStopWord(word: string): boolean {
  return STOP.has(word.toLowerCase());
}
