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
} from './schema';
export { loadMunicipality, parseMunicipality, MunicipalityError, formatPath } from './load';
export {
  isStaffed,
  nextStaffedStart,
  describeNextStaffed,
  formatLocalDateTime,
  hoursOn,
  closedReason,
  isNationalHoliday,
  localParts,
  zonedTime,
  SEARCH_DAYS,
  type LocalDate,
} from './calendar';
export { selectHotlines, formatHotlines, DEFAULT_MAX_HOTLINES, type SelectedHotline } from './hotlines';
