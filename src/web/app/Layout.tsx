import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { UnreadNews } from '../features/news/UnreadNews';
import { CallerCards } from '../features/phone/CallerCards';
import { HeaderSearch } from '../features/search/HeaderSearch';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { fullName } from '../ui/format';
import { useSession } from './session';

/**
 * The frame of every page: skip link, header with the person and language, navigation, content.
 * On a narrow screen the navigation and the header's tools fold into a menu.
 */
export function Layout() {
  const { t } = useTranslation();
  const { me, can, signOut } = useSession();
  const location = useLocation();
  // The menu stays open for the page it was opened on: going to another page folds it again.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.key;
  const menuToggle = useRef<HTMLButtonElement>(null);
  // Escape folds an open menu and leaves the focus on its button, as for any disclosure.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpenOn(null);
      menuToggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className={menuOpen ? 'app-header menu-open' : 'app-header'}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <span>
            <strong>{t('app.name')}</strong>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </span>
        </div>
        <button
          ref={menuToggle}
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="app-nav header-tools"
          onClick={() => setMenuOpenOn(menuOpen ? null : location.key)}
        >
          <span className="menu-icon" aria-hidden="true" />
          {t('app.menu')}
        </button>
        <div className="header-tools" id="header-tools">
          <HeaderSearch />
          <LanguageSwitch />
          <NavLink to="/account" className="header-person">
            {fullName(me)}
          </NavLink>
          <button type="button" className="button-secondary" onClick={() => void signOut()}>
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <div className={menuOpen ? 'app-body menu-open' : 'app-body'}>
        <nav id="app-nav" className="app-nav" aria-label={t('app.mainNavigation')}>
          <ul>
            {can('requests.work') && (
              <li>
                <NavLink to="/my-work">{t('nav.myWork')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/directory">{t('nav.directory')}</NavLink>
            </li>
            <li>
              <NavLink to="/absences">{t('nav.absences')}</NavLink>
            </li>
          </ul>
          {(can('requests.work') || can('requests.read-all')) && (
            <>
              <h2 className="nav-heading">{t('nav.service')}</h2>
              <ul>
                {can('requests.work') && (
                  <>
                    <li>
                      <NavLink to="/reception">{t('nav.reception')}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/queue">{t('nav.queue')}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/mail/quarantine">{t('nav.quarantine')}</NavLink>
                    </li>
                  </>
                )}
                <li>
                  <NavLink to="/requests">{t('nav.requests')}</NavLink>
                </li>
                <li>
                  <NavLink to="/clients">{t('nav.clients')}</NavLink>
                </li>
              </ul>
            </>
          )}
          {(can('requests.work') || can('incidents.read')) && (
            <>
              <h2 className="nav-heading">{t('nav.phone')}</h2>
              <ul>
                {can('requests.work') && (
                  <>
                    <li>
                      <NavLink to="/callbacks">{t('nav.callbacks')}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/calls" end>
                        {t('nav.calls')}
                      </NavLink>
                    </li>
                  </>
                )}
                {/* The heads see their units' load as they see their incidents. */}
                {can('incidents.read') && (
                  <li>
                    <NavLink to="/calls/load">{t('nav.callLoad')}</NavLink>
                  </li>
                )}
              </ul>
            </>
          )}
          <h2 className="nav-heading">{t('nav.quality')}</h2>
          <ul>
            {(can('feedback.register') ||
              can('feedback.manage-unit') ||
              can('feedback.evaluate') ||
              can('feedback.ethics')) && (
              <li>
                <NavLink to="/quality/feedback">{t('feedback.nav')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/reports">{t('nav.surveyReports')}</NavLink>
            </li>
            {can('surveys.manage') && (
              <li>
                <NavLink to="/surveys">{t('nav.surveys')}</NavLink>
              </li>
            )}
            {can('surveys.interview') && (
              <li>
                <NavLink to="/cati">{t('cati.console.title')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/quality/improvements">{t('nav.improvements')}</NavLink>
            </li>
            {can('ideas.submit') && (
              <li>
                <NavLink to="/quality/ideas">{t('nav.ideas')}</NavLink>
              </li>
            )}
            {can('control.read') && (
              <li>
                <NavLink to="/quality/control">{t('nav.control')}</NavLink>
              </li>
            )}
            {(can('improvements.manage') || can('unit-reports.submit')) && (
              <li>
                <NavLink to="/quality/unit-reports">{t('nav.unitReports')}</NavLink>
              </li>
            )}
          </ul>
          <h2 className="nav-heading">{t('nav.knowledge')}</h2>
          <ul>
            <li>
              <NavLink to="/search">{t('nav.search')}</NavLink>
            </li>
            <li>
              <NavLink to="/knowledge">{t('nav.articles')}</NavLink>
            </li>
            <li>
              <NavLink to="/services">{t('nav.services')}</NavLink>
            </li>
            <li>
              <NavLink to="/text-modules">{t('nav.textModules')}</NavLink>
            </li>
            <li>
              <NavLink to="/news">{t('nav.news')}</NavLink>
            </li>
            <li>
              <NavLink to="/reviews">{t('nav.reviews')}</NavLink>
            </li>
          </ul>
          <h2 className="nav-heading">{t('nav.organisation')}</h2>
          <ul>
            <li>
              <NavLink to="/organisation/institutions">{t('nav.institutions')}</NavLink>
            </li>
            <li>
              <NavLink to="/organisation/units">{t('nav.units')}</NavLink>
            </li>
            <li>
              <NavLink to="/organisation/staff">{t('nav.staff')}</NavLink>
            </li>
            <li>
              <NavLink to="/organisation/calendar">{t('nav.calendar')}</NavLink>
            </li>
            <li>
              <NavLink to="/organisation/deadlines">{t('nav.deadlines')}</NavLink>
            </li>
          </ul>
          {(can('tokens.manage') ||
            can('mailboxes.manage') ||
            can('audit.read') ||
            can('outbox.manage') ||
            can('signatures.manage') ||
            can('telephony.manage')) && (
            <>
              <h2 className="nav-heading">{t('nav.administration')}</h2>
              <ul>
                {can('mailboxes.manage') && (
                  <li>
                    <NavLink to="/admin/mailboxes">{t('nav.mailboxes')}</NavLink>
                  </li>
                )}
                {can('tokens.manage') && (
                  <li>
                    <NavLink to="/admin/tokens">{t('nav.tokens')}</NavLink>
                  </li>
                )}
                {can('telephony.manage') && (
                  <li>
                    <NavLink to="/admin/telephony">{t('nav.telephony')}</NavLink>
                  </li>
                )}
                {can('audit.read') && (
                  <li>
                    <NavLink to="/admin/audit">{t('nav.audit')}</NavLink>
                  </li>
                )}
                {can('outbox.manage') && (
                  <li>
                    <NavLink to="/admin/outbox">{t('nav.outbox')}</NavLink>
                  </li>
                )}
                {can('signatures.manage') && (
                  <li>
                    <NavLink to="/admin/signature">{t('nav.signature')}</NavLink>
                  </li>
                )}
              </ul>
            </>
          )}
        </nav>
        <main id="main" className="app-main" tabIndex={-1}>
          <UnreadNews />
          {can('requests.work') && <CallerCards />}
          <Outlet />
        </main>
      </div>
    </div>
  );
}
