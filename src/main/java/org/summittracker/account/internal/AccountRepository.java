package org.summittracker.account.internal;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.summittracker.account.Role;

interface AccountRepository extends JpaRepository<Account, Long> {

	@Query("select distinct a from Account a left join fetch a.person left join fetch a.roles where a.username = :username")
	Optional<Account> findForSignIn(String username);

	@Query("select distinct a from Account a left join fetch a.person left join fetch a.roles where a.id = :id")
	Optional<Account> findWithRoles(Long id);

	@Query(value = "select a from Account a left join fetch a.person order by a.username",
			countQuery = "select count(a) from Account a")
	Page<Account> findPage(Pageable pageable);

	boolean existsByUsername(String username);

	boolean existsByPersonId(Long personId);

	@Query("select count(distinct a) from Account a join a.roles r where r = :role and a.enabled = true")
	long countEnabledWith(Role role);

}
