import { EngineError } from '../shared/engine-error';

export class PersonalDataError extends EngineError<'DATA_SUBJECT_NOT_FOUND' | 'DATA_SUBJECT_ERASED' | 'PERSONAL_DATA_UNREADABLE'> {}
