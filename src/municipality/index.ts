/** Per-municipality settings: hotlines, staffed hours, holidays and escalation (one YAML file). */
export {
  municipalitySchema,
  hotlineSchema,
  timeRangeSchema,
  parseTime,
  LANGS,
  WEEKDAYS,
  type Municipality,
  type MunicipalityLang,
  type Hotline,
  type LocalizedText,
  type TimeRange,
  type ClosedDate,
  type ExtraOpenDate,
  type Weekday,
  type WeeklyHours,
  type OpenHours,
  type RosterEntry,
} from './schema';
export { loadMunicipality, parseMunicipality, MunicipalityError, formatPath } from './load';
export {
  isStaffed,
  nextStaffedStart,
  describeNextStaffed,
  formatLocalDateTime,
  formatClock,
  hoursOn,
  closedReason,
  isNationalHoliday,
  localParts,
  zonedTime,
  SEARCH_DAYS,
  type LocalDate,
} from './calendar';
export { selectHotlines, formatHotlines, DEFAULT_MAX_HOTLINES, type SelectedHotline, type Writer } from './hotlines';
export { hotlineOpen, onCallAt, describeStaffedHours } from './open-hours';
